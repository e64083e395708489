using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Knowledge;

public sealed class CatalogueTests
{
    private const string Reported = "ETAX-40002 waktu upload, sertifikat sudah lebih dari 2 tahun";

    public CatalogueTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static async Task<UserIdentity> ManagerAsync(TestApp app)
    {
        var id = (await app.Identity.CreateUserAsync(new NewUser("sari@msm.co.id", "Sari", "Manajer20261", [Roles.Manager]), CancellationToken.None)).Value;
        return new UserIdentity(id, "Sari", new HashSet<string> { Roles.Manager });
    }

    [Fact]
    public async Task ShouldVersionEveryEditAndClassifyWithTheNewest()
    {
        await using var app = await TestApp.StartAsync();
        var sari = await ManagerAsync(app);
        var budi = await Seed.ConsultantAsync(app);
        var before = (await app.SendAsync(sari, new GetCatalogueQuery())).Value;

        var added = await app.SendAsync(sari, new AddCataloguePhraseCommand { Phrase = "laporan bulanan", Points = "scenario:upload", Weight = 0.9, Language = "id", Note = "Klien sering menyebut laporan bulanan" });
        var removed = await app.SendAsync(sari, new RemoveCataloguePhraseCommand { Phrase = before.Current.Phrases[0].Phrase, Points = before.Current.Phrases[0].Points, Note = "Terlalu umum" });
        var after = (await app.SendAsync(sari, new GetCatalogueQuery())).Value;
        var view = (await app.SendAsync(budi, new DiagnoseTextQuery { ErrorText = "ETAX-40002 saat kirim laporan bulanan" })).Value;

        Assert.Equal(1, before.Current.Version);
        Assert.Empty(before.History);
        Assert.Equal((2, 3), (added.Value, removed.Value));
        Assert.Equal(3, after.Current.Version);
        Assert.Equal([3, 2], after.History.Select(h => h.Version));
        Assert.Equal(("Sari", "Terlalu umum"), (after.History[0].CreatedByName, after.History[0].Note));
        Assert.DoesNotContain(after.Current.Phrases, p => p == before.Current.Phrases[0]);
        Assert.Contains(after.Current.Phrases, p => p.Phrase == "laporan bulanan");
        Assert.StartsWith("catalogue-3/", view.Version, StringComparison.Ordinal);
        Assert.Equal("upload", view.Scenario);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var version2 = await db.CatalogueVersions.SingleAsync(v => v.Version == 2);
        Assert.Contains("laporan bulanan", version2.Content, StringComparison.Ordinal);
        Assert.Contains(before.Current.Phrases[0].Phrase, version2.Content, StringComparison.Ordinal);
        Assert.Equal("Klien sering menyebut laporan bulanan", version2.Note);
    }

    [Fact]
    public async Task ShouldRefuseInvalidPhrasesWithMessagesPerField()
    {
        await using var app = await TestApp.StartAsync();
        var sari = await ManagerAsync(app);
        var existing = (await app.SendAsync(sari, new GetCatalogueQuery())).Value.Current.Phrases[0];

        var invalid = await app.SendAsync(sari, new AddCataloguePhraseCommand { Phrase = new string('a', 101), Points = "cause:aliens", Weight = 1.5, Language = "fr", Note = " " });
        var duplicate = await app.SendAsync(sari, new AddCataloguePhraseCommand { Phrase = existing.Phrase.ToUpperInvariant(), Points = existing.Points, Weight = 0.5, Language = "id", Note = "lagi" });
        var missing = await app.SendAsync(sari, new RemoveCataloguePhraseCommand { Phrase = "tidak ada", Points = "cause:network", Note = "hapus" });
        var history = (await app.SendAsync(sari, new GetCatalogueQuery())).Value.History;

        var fields = invalid.Error!.FieldErrors;
        Assert.Contains("100", fields[nameof(AddCataloguePhraseCommand.Phrase)].Single(), StringComparison.Ordinal);
        Assert.Equal("Arah harus berupa skenario atau penyebab yang dikenal, mis. scenario:upload atau cause:expired-certificate.", fields[nameof(AddCataloguePhraseCommand.Points)].Single());
        Assert.Equal("Bobot harus antara 0,1 dan 1,0.", fields[nameof(AddCataloguePhraseCommand.Weight)].Single());
        Assert.Equal("Bahasa harus id atau en.", fields[nameof(AddCataloguePhraseCommand.Language)].Single());
        Assert.True(fields.ContainsKey(nameof(AddCataloguePhraseCommand.Note)));
        Assert.Equal("Frasa ini dengan arah yang sama sudah ada di katalog.", duplicate.Error!.FieldErrors[nameof(AddCataloguePhraseCommand.Phrase)].Single());
        Assert.Equal(ErrorKind.NotFound, missing.Error!.Kind);
        Assert.Empty(history);
    }

    [Fact]
    public async Task ShouldCountSuggestionsAgainstConfirmationsInAConfusionMatrix()
    {
        await using var app = await TestApp.StartAsync();
        var sari = await ManagerAsync(app);
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var tickets = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var created = (await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = Reported })).Value;
            Assert.Equal(("upload", "expired-certificate"), (created.Suggestion!.Scenario, created.Suggestion.Cause));
            tickets.Add(created.Id);
        }

        await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = tickets[0], Scenario = "upload", Cause = "expired-certificate" });
        await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = tickets[1], Scenario = "upload", Cause = "corrupt-certificate" });
        await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = tickets[2], Scenario = "invoice", Cause = "expired-certificate" });
        // tickets[3] stays unconfirmed and is not counted.

        var accuracy = (await app.SendAsync(sari, new GetClassifierAccuracyQuery())).Value;

        Assert.Equal((3, 2, 2), (accuracy.Tickets, accuracy.CauseCorrect, accuracy.ScenarioCorrect));
        Assert.Equal(2.0 / 3, accuracy.CauseAccuracy, 6);
        Assert.Equal(2, ClassifierAccuracy.CountOf(accuracy.Cause, "expired-certificate", "expired-certificate"));
        Assert.Equal(1, ClassifierAccuracy.CountOf(accuracy.Cause, "expired-certificate", "corrupt-certificate"));
        Assert.Equal(0, ClassifierAccuracy.CountOf(accuracy.Cause, "corrupt-certificate", "expired-certificate"));
        Assert.Equal(2, ClassifierAccuracy.CountOf(accuracy.Scenario, "upload", "upload"));
        Assert.Equal(1, ClassifierAccuracy.CountOf(accuracy.Scenario, "upload", "invoice"));
        Assert.Equal(["corrupt-certificate", "expired-certificate"], ClassifierAccuracy.Labels(accuracy.Cause));
        Assert.Equal(
            [new ClassScore("corrupt-certificate", 0, 1, 0), new ClassScore("expired-certificate", 3, 2, 2)],
            ClassifierAccuracy.PerClass(accuracy.Cause));
        var (corrupt, expired) = (ClassifierAccuracy.PerClass(accuracy.Cause)[0], ClassifierAccuracy.PerClass(accuracy.Cause)[1]);
        Assert.Equal((null, 0.0), (corrupt.Precision, corrupt.Recall));
        Assert.Equal(2.0 / 3, expired.Precision!.Value, 6);
        Assert.Equal(1.0, expired.Recall);
        Assert.Equal(1.0, ClassifierAccuracy.Heat(accuracy.Cause, "expired-certificate", "expired-certificate"));
        Assert.Equal(0.5, ClassifierAccuracy.Heat(accuracy.Cause, "expired-certificate", "corrupt-certificate"));
        var month = Assert.Single(accuracy.Monthly);
        var now = Wib.ToWib(DateTimeOffset.UtcNow);
        Assert.Equal((now.Year, now.Month, 3, 2, 2), (month.Year, month.Month, month.Tickets, month.CauseCorrect, month.ScenarioCorrect));
    }

    [Fact]
    public async Task ShouldRefuseConsultants()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var edit = await app.SendAsync(budi, new AddCataloguePhraseCommand { Phrase = "x", Points = "cause:network", Weight = 0.5, Language = "id", Note = "n" });
        var report = await app.SendAsync(budi, new GetClassifierAccuracyQuery());

        Assert.Equal(ErrorKind.Forbidden, edit.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, report.Error!.Kind);
    }
}
