using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Cli;

public sealed class ImportAndSeedCliTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    public ImportAndSeedCliTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static string SamplePath => TestPaths.InRepository("tests", "MsmHelpdesk.Tests", "Fixtures", "clients-sample.csv");

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
    public async Task ShouldImportTheSampleFileAndFindNothingNewTheSecondTime()
    {
        var first = await RunAsync("import", "clients", SamplePath);
        var second = await RunAsync("import", "clients", SamplePath);

        Assert.Equal(CliApp.Ok, first.Exit);
        Assert.Equal("clients-sample.csv: 6 created, 0 updated, 0 unchanged, 0 failed.", first.Output.Trim());
        Assert.Equal("", first.Error);
        Assert.Equal(CliApp.Ok, second.Exit);
        Assert.Equal("clients-sample.csv: 0 created, 0 updated, 6 unchanged, 0 failed.", second.Output.Trim());
        await using var app = await TestApp.StartAsync(_directory);
        Assert.Equal(6, await app.QueryDbAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task ShouldImportTheGoodRowsAndPrintEachBadRowWithItsLine()
    {
        var path = Path.Combine(_directory, "klien.csv");
        await File.WriteAllTextAsync(path, "name;npwp;alamat\nPT Sinar;01.234.567.4-018.000;Jl. Sudirman\nPT Salah;01.234.567.5-018.000;\n;02.187.654.5-062.000;\n");

        var (exit, output, error) = await RunAsync("import", "clients", path);

        Assert.Equal(CliApp.Failed, exit);
        Assert.Equal("klien.csv: 1 created, 0 updated, 0 unchanged, 2 failed.", output.Trim());
        Assert.Equal(
        [
            "warning: Kolom tidak dikenal diabaikan: alamat.",
            "line 3: npwp: Digit kontrol NPWP (digit ke-9) tidak cocok; periksa kembali nomornya.",
            "line 4: name: Wajib diisi.",
        ], error.Trim().Split('\n'));
    }

    [Fact]
    public async Task ShouldRefuseAFileWithoutTheRequiredColumnsOrAMissingFile()
    {
        var path = Path.Combine(_directory, "salah.csv");
        await File.WriteAllTextAsync(path, "nama,nomor\nPT Sinar,01.234.567.4-018.000\n");

        var refused = await RunAsync("import", "clients", path);
        var missing = await RunAsync("import", "clients", Path.Combine(_directory, "tidak-ada.csv"));
        var usage = await RunAsync("import", "clients");

        Assert.Equal(CliApp.Failed, refused.Exit);
        Assert.Contains("salah.csv: Baris judul tidak memuat kolom wajib: name, npwp.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failed, missing.Exit);
        Assert.Contains("file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, usage.Exit);
        Assert.Contains("msmhelpdesk import clients FILE.csv", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldSeedDemoDataAndAppendOnlyWhenAsked()
    {
        var seeded = await RunAsync("seed-demo", "--clients", "20", "--tickets", "500", "--seed", "4");
        var refused = await RunAsync("seed-demo", "--tickets", "10");
        // Appending gives its tickets only to clients of its own (never to real ones), so it needs some.
        var appended = await RunAsync("seed-demo", "--clients", "3", "--tickets", "100", "--append");

        Assert.Equal(CliApp.Ok, seeded.Exit);
        Assert.StartsWith("Seeded 20 clients,", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("500 tickets", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("tickets: 500 / 500", seeded.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failed, refused.Exit);
        Assert.Contains("already has 500 tickets; add --append", refused.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Ok, appended.Exit);
        Assert.StartsWith("Seeded 3 clients,", appended.Output, StringComparison.Ordinal);

        await using var app = await TestApp.StartAsync(_directory);
        var all = await app.SendAsync(TestCurrentUser.Admin(), new ListTicketsQuery { Queue = TicketQueue.All, PageSize = 1 });
        Assert.Equal(600, all.Value.TotalCount);
        var numbers = await app.QueryDbAsync(db => db.Tickets.Select(t => t.Number).ToListAsync());
        Assert.All(numbers, number => Assert.True(TicketNumber.LooksLikeOne(number), number));
        Assert.Equal(600, numbers.Distinct().Count());
    }

    [Fact]
    public async Task ShouldExplainSeedDemoUsageForABadNumber()
    {
        var (exit, _, error) = await RunAsync("seed-demo", "--tickets", "banyak");

        Assert.Equal(CliApp.Usage, exit);
        Assert.Contains("msmhelpdesk seed-demo [--clients N]", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
