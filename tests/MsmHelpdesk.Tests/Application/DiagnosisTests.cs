using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application;

public sealed class DiagnosisTests
{
    private const string Reported = "ETAX-40002 waktu upload, sertifikat sudah lebih dari 2 tahun";

    public DiagnosisTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldSuggestUploadAndExpiredWithEvidenceAsTheConsultantTypes()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var view = (await app.SendAsync(budi, new DiagnoseTextQuery { ErrorText = Reported })).Value;

        Assert.Equal(("upload", "expired-certificate"), (view.Scenario, view.Cause));
        Assert.Equal(["ETAX-40002"], view.ErrorCodes);
        var upload = Assert.Single(view.Evidence, e => e.Points == "scenario:upload");
        Assert.Equal("upload", Reported.Substring(upload.Start, upload.Length).ToLowerInvariant());
        Assert.Contains(view.Evidence, e => e.Points == "cause:expired-certificate" && e.Field == EvidenceField.ErrorText);
        Assert.NotEmpty(view.Playbook);
    }

    [Fact]
    public async Task ShouldLetTheClientsCertificateDatesDecideTheCause()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = (await app.SendAsync(budi, new CreateClientCommand
        {
            Name = "PT Maju Jaya",
            Npwp = Seed.ValidNpwp,
            CertificateIssuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-3)),
        })).Value;

        var view = (await app.SendAsync(budi, new DiagnoseTextQuery { ClientId = client, ErrorText = "ETAX-40002: Error di Service saat upload" })).Value;

        Assert.Equal("expired-certificate", view.Cause);
        Assert.True(view.CauseConfidence >= 0.9);
        Assert.Contains(view.Evidence, e => e.Field == EvidenceField.Certificate && e.Source == EvidenceSource.Structured);
    }

    [Fact]
    public async Task ShouldTakeARefusedPassphraseFromTheCertificateCheckAsEvidence()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var before = (await app.SendAsync(budi, new DiagnoseTextQuery { ClientId = client, ErrorText = "ETAX-40002: Error di Service" })).Value;

        await app.SendAsync(budi, new CheckCertificateCommand
        {
            ClientId = client,
            FileName = "0012345674901000.p12",
            Content = TestCertificates.Current(),
            Passphrase = "bukan-passphrase-klien",
        });
        var after = (await app.SendAsync(budi, new DiagnoseTextQuery { ClientId = client, ErrorText = "ETAX-40002: Error di Service" })).Value;

        Assert.Equal("unknown", before.Cause);
        Assert.Equal("wrong-passphrase", after.Cause);
        Assert.Contains(after.Evidence, e => e.Field == EvidenceField.Certificate && e.Source == EvidenceSource.Structured && e.Points == "cause:wrong-passphrase");
    }

    [Fact]
    public async Task ShouldStoreTheSuggestionWithItsVersionAndKeepTheConsultantsCorrection()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var created = (await app.SendAsync(budi, new CreateTicketCommand { ClientId = await Seed.ClientAsync(app, budi), ErrorText = Reported })).Value;

        var stored = (await app.SendAsync(budi, new GetTicketQuery { TicketId = created.Id })).Value;
        var corrected = await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = created.Id, Scenario = "upload", Cause = "corrupt-certificate" });
        var after = (await app.SendAsync(budi, new GetTicketQuery { TicketId = created.Id })).Value;
        var nonsense = await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = created.Id, Scenario = "upload", Cause = "aliens" });

        Assert.Equal(("upload", "expired-certificate"), (created.Suggestion!.Scenario, created.Suggestion.Cause));
        Assert.Equal(("upload", "expired-certificate"), (stored.Suggested!.Scenario, stored.Suggested.Cause));
        Assert.StartsWith("catalogue-1/classifier-", stored.Suggested.Version, StringComparison.Ordinal);
        Assert.NotEmpty(stored.Suggested.Evidence);
        Assert.True(corrected.IsSuccess);
        Assert.Equal(("upload", "corrupt-certificate"), (after.Confirmed!.Scenario, after.Confirmed.Cause));
        var entry = Assert.Single(after.Timeline, e => e.Kind == TimelineKind.DiagnosisConfirmed);
        Assert.Equal(("corrected", "upload/expired-certificate", "upload/corrupt-certificate"), (entry.Text, entry.OldValue, entry.NewValue));
        Assert.Equal(ErrorKind.Validation, nonsense.Error!.Kind);
    }

    [Fact]
    public async Task ShouldClassifyWithTheNewestCatalogueVersionInTheDatabase()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var edited = DefaultCatalogue.Create() with { Version = 2 };
        edited = edited with { Phrases = [.. edited.Phrases, new RecognitionPhrase("laporan bulanan", "scenario:upload", 0.9, "id")] };
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
        {
            db.CatalogueVersions.Add(new CatalogueVersion
            {
                Version = 2,
                Content = JsonSerializer.Serialize(edited, KnowledgeStore.Json),
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedById = "test",
                CreatedByName = "Test",
            });
            await db.SaveChangesAsync();
        }

        var view = (await app.SendAsync(budi, new DiagnoseTextQuery { ErrorText = "ETAX-40002 saat kirim laporan bulanan" })).Value;

        Assert.StartsWith("catalogue-2/", view.Version, StringComparison.Ordinal);
        Assert.Equal("upload", view.Scenario);
    }
}
