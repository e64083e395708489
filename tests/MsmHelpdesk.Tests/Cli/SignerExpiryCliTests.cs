using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Signers;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Cli;

/// <summary>Issue 14's must-show: the expiry scan run twice from the CLI opens one ticket per expiring credential, naming its holder.</summary>
public sealed class SignerExpiryCliTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    public SignerExpiryCliTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

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
    public async Task ShouldOpenOneTicketPerExpiringSignerCredentialNamingItsHolderWhenScannedTwice()
    {
        var today = Wib.Today(TimeProvider.System);
        await using (var app = await TestApp.StartAsync(_directory))
        {
            var consultant = await Seed.ConsultantAsync(app);
            var clientId = await Seed.ClientAsync(app, consultant);
            var budi = (await app.SendAsync(consultant, new SaveClientSignerCommand { ClientId = clientId, Name = "Budi Santoso", Role = SignerRole.Pengurus })).Value;
            var sari = (await app.SendAsync(consultant, new SaveClientSignerCommand
            {
                ClientId = clientId,
                Name = "Sari Dewi",
                Role = SignerRole.Consultant,
                StaffId = consultant.UserId,
                CoretaxRoles = "96, 225",
            })).Value;
            Assert.True((await app.SendAsync(consultant, new SaveSignerCredentialCommand
            {
                ClientId = clientId,
                SignerId = budi,
                Kind = CredentialKind.KodeOtorisasi,
                IssuedOn = today.AddYears(-2).AddDays(10),
                ExpiresOn = today.AddDays(10),
            })).IsSuccess);
            Assert.True((await app.SendAsync(consultant, new SaveSignerCredentialCommand
            {
                ClientId = clientId,
                SignerId = budi,
                Kind = CredentialKind.SertifikatDjp,
                ExpiresOn = today.AddDays(400),
            })).IsSuccess);
            Assert.True((await app.SendAsync(consultant, new SaveSignerCredentialCommand
            {
                ClientId = clientId,
                SignerId = sari,
                Kind = CredentialKind.SertifikatPsre,
                Provider = "Privy",
                ExpiresOn = today.AddDays(45),
            })).IsSuccess);
        }

        var first = await RunAsync("jobs", "run", "certificate-expiry-scan");
        var second = await RunAsync("jobs", "run", "certificate-expiry-scan");

        Assert.Equal((CliApp.Ok, ""), (first.Exit, first.Error));
        Assert.Equal("certificate expiry: 2 proactive tickets opened, 0 reminders added, 0 handled by another run", first.Output.Trim());
        Assert.Equal((CliApp.Ok, ""), (second.Exit, second.Error));
        Assert.Equal("certificate expiry: 0 proactive tickets opened, 0 reminders added, 0 handled by another run", second.Output.Trim());
        await using var reopened = await TestApp.StartAsync(_directory);
        var tickets = await reopened.QueryDbAsync(db => db.Tickets.OrderBy(t => t.ErrorText).ToListAsync());
        Assert.Collection(tickets,
            ticket =>
            {
                Assert.Equal(TicketChannel.Proactive, ticket.Channel);
                Assert.StartsWith("Kode Otorisasi DJP milik Budi Santoso (Pengurus) berakhir ", ticket.ErrorText, StringComparison.Ordinal);
                Assert.EndsWith("perpanjang mandiri di Coretax (tanpa ke KPP)", ticket.ErrorText, StringComparison.Ordinal);
                Assert.Equal(TicketPriority.High, ticket.Priority);
            },
            ticket =>
            {
                Assert.StartsWith("Sertifikat elektronik Privy (PSrE) milik Sari Dewi (Konsultan (kuasa)) berakhir ", ticket.ErrorText, StringComparison.Ordinal);
                Assert.EndsWith("perpanjang lewat penyedia Privy", ticket.ErrorText, StringComparison.Ordinal);
                Assert.Equal(TicketPriority.Normal, ticket.Priority);
            });
        Assert.Equal(3, await reopened.QueryDbAsync(db => db.CertificateReminders.CountAsync()));
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
