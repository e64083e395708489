using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Cli;

public sealed class JobsCliTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    public JobsCliTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, new Dictionary<string, string?>
        {
            [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}",
        });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ShouldOpenExactlyOneProactiveTicketForAnImportedClientWhoseCertificateExpiresInTenDays()
    {
        var expires = Wib.Today(TimeProvider.System).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = Path.Combine(_directory, "klien.csv");
        await File.WriteAllTextAsync(csv, $"name,npwp,certificate_expires_on\nPT Sinar Abadi,01.234.567.4-018.000,{expires}\n");

        var import = await RunAsync("import", "clients", csv);
        var first = await RunAsync("jobs", "run", "certificate-expiry-scan");
        var second = await RunAsync("jobs", "run", "certificate-expiry-scan");

        Assert.Equal((CliApp.Ok, ""), (import.Exit, import.Error));
        Assert.Equal(CliApp.Ok, first.Exit);
        Assert.Equal("certificate expiry: 1 proactive tickets opened, 0 reminders added, 0 handled by another run", first.Output.Trim());
        Assert.Equal(CliApp.Ok, second.Exit);
        Assert.Equal("certificate expiry: 0 proactive tickets opened, 0 reminders added, 0 handled by another run", second.Output.Trim());
        await using var app = await TestApp.StartAsync(_directory);
        var ticket = Assert.Single(await app.QueryDbAsync(db => db.Tickets.ToListAsync()));
        Assert.Equal(TicketChannel.Proactive, ticket.Channel);
        Assert.StartsWith("Sertifikat elektronik berakhir ", ticket.ErrorText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("waiting-on-client", "waiting on client: 0 reminded, 0 closed for no reply")]
    [InlineData("mail-delivery", "mail delivery: SMTP not configured, notifications are in-app only")]
    public async Task ShouldRunTheNotificationJobsByName(string job, string expected)
    {
        var (exit, output, error) = await RunAsync("jobs", "run", job);

        Assert.Equal((CliApp.Ok, ""), (exit, error));
        Assert.Equal(expected, output.Trim());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
