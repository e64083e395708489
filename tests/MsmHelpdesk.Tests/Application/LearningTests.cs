using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application;

public sealed class LearningTests
{
    public LearningTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    /// <summary>
    /// <paramref name="printer"/> tickets about the plotter confirmed as a network cause (a word neither the rules nor the text model
    /// knows), and <paramref name="others"/> about a wrong passphrase.
    /// </summary>
    private static async Task<(UserIdentity Consultant, UserIdentity Manager)> ConfirmTicketsAsync(TestApp app, int printer, int others)
    {
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        for (var i = 0; i < printer + others; i++)
        {
            var isPrinter = i < printer;
            var created = (await app.SendAsync(budi, new CreateTicketCommand
            {
                ClientId = client,
                ErrorText = "ETAX-40002: Error di Service",
                Description = isPrinter ? $"klien {i} bilang plotter mati waktu kirim" : $"klien {i} lupa passphrase sertifikat",
            })).Value;
            var confirmed = await app.SendAsync(budi, new ConfirmDiagnosisCommand
            {
                TicketId = created.Id,
                Scenario = "upload",
                Cause = isPrinter ? "network" : "wrong-passphrase",
            });
            Assert.True(confirmed.IsSuccess);
        }

        return (budi, budi with { Roles = new HashSet<string> { Roles.Manager } });
    }

    private static Task<int> ModelCountAsync(TestApp app) => app.QueryDbAsync(db => db.LearnedModels.CountAsync());

    [Fact]
    public async Task ShouldLearnAConfirmedPhraseWithoutOverridingRecordedFacts()
    {
        await using var app = await TestApp.StartAsync();
        var (budi, manager) = await ConfirmTicketsAsync(app, printer: 11, others: 11);
        var before = (await app.SendAsync(budi, new DiagnoseTextQuery { Description = "plotter" })).Value;

        var forbidden = await app.SendAsync(budi, new RetrainClassifierCommand());
        var trained = await app.SendAsync(manager, new RetrainClassifierCommand());
        var after = (await app.SendAsync(budi, new DiagnoseTextQuery { Description = "plotter" })).Value;
        var client = (await app.SendAsync(budi, new CreateClientCommand
        {
            Name = "PT Lama Sekali",
            Npwp = Seed.OtherNpwp,
            CertificateIssuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-3)),
        })).Value;
        var expired = (await app.SendAsync(budi, new DiagnoseTextQuery { ClientId = client, Description = "plotter" })).Value;

        Assert.Equal(ErrorKind.Forbidden, forbidden.Error!.Kind);
        Assert.NotEqual("network", before.Cause);
        Assert.Equal(RetrainingStatus.Trained, trained.Value.Status);
        Assert.Equal((22, 1), (trained.Value.ExampleCount, trained.Value.Version!.Value));
        Assert.Equal(1, await ModelCountAsync(app));
        Assert.Equal("network", after.Cause);
        Assert.Contains(after.Evidence, e => e.Points == "cause:network" && e.Source == EvidenceSource.Learned);
        Assert.DoesNotContain(after.Evidence, e => e.Points == "cause:network" && e.Source != EvidenceSource.Learned);
        Assert.Contains("/learned-1", after.Version, StringComparison.Ordinal);
        Assert.Equal("expired-certificate", expired.Cause);
        Assert.Contains(expired.Evidence, e => e.Source == EvidenceSource.Structured);
    }

    [Fact]
    public async Task ShouldNotTrainOnTooFewConfirmations()
    {
        await using var app = await TestApp.StartAsync();
        var (_, manager) = await ConfirmTicketsAsync(app, printer: 5, others: 4);

        var result = (await app.SendAsync(manager, new RetrainClassifierCommand())).Value;

        Assert.Equal((RetrainingStatus.TooFewConfirmations, 9), (result.Status, result.ExampleCount));
        Assert.Equal(0, await ModelCountAsync(app));
    }

    [Fact]
    public async Task ShouldNotStoreASecondModelWhenNothingNewWasConfirmed()
    {
        await using var app = await TestApp.StartAsync();
        var (_, manager) = await ConfirmTicketsAsync(app, printer: 10, others: 10);

        var first = (await app.SendAsync(manager, new RetrainClassifierCommand())).Value;
        var second = (await app.SendAsync(manager, new RetrainClassifierCommand())).Value;

        Assert.Equal(RetrainingStatus.Trained, first.Status);
        Assert.Equal((RetrainingStatus.NothingNew, 1), (second.Status, second.Version));
        Assert.Equal(1, await ModelCountAsync(app));
    }

    [Fact]
    public async Task ShouldRunTheRetrainingJobFromTheCli()
    {
        var directory = TestPaths.NewTempDirectory();
        await using (var app = await TestApp.StartAsync(directory))
        {
            await ConfirmTicketsAsync(app, printer: 10, others: 10);
        }

        var settings = new Dictionary<string, string?> { [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}" };
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["jobs", "run", "classifier-retraining"], new StringReader(""), output, new StringWriter(), settings);
        var unknownError = new StringWriter();
        var unknown = await CliApp.RunAsync(["jobs", "run", "coffee"], new StringReader(""), new StringWriter(), unknownError, settings);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("learned model 1 stored", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("20 confirmed tickets", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, unknown);
        Assert.Contains("classifier-retraining", unknownError.ToString(), StringComparison.Ordinal);
        await using var reopened = await TestApp.StartAsync(directory);
        Assert.Equal(1, await ModelCountAsync(reopened));
    }
}
