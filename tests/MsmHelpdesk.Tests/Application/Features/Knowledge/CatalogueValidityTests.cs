using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Knowledge;

/// <summary>A ticket is judged against the catalogue entries valid on its report date (issue 14).</summary>
public sealed class CatalogueValidityTests
{
    private const string Refused = "ETAX-API-10056: Upload faktur pajak keluaran pengganti tidak dapat dilakukan, silahkan meng-upload faktur pajak pengganti melalui aplikasi Coretax";
    private static readonly UserIdentity Manager = new("manager-1", "Maya", new HashSet<string> { Roles.Manager });

    private static DateTimeOffset Wib(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(7));

    private static async Task<DiagnosisView> DiagnoseAsync(TestApp app, DateTimeOffset reportedAt) =>
        (await app.SendAsync(Manager, new DiagnoseTextQuery { ErrorText = Refused, Activity = "upload faktur pengganti dari e-Faktur desktop", ReportedAt = reportedAt })).Value;

    /// <summary>The rule evidence ETAX-API-10056's catalogue entry adds (its title, citing the code) for rule-change.</summary>
    private static bool FromTheDatedEntry(EvidenceView e) =>
        e.Points == "cause:rule-change" && e.Source == EvidenceSource.Rule && e.Text.StartsWith("ETAX-API-10056", StringComparison.Ordinal);

    [Fact]
    public async Task ShouldGiveTheSameTextTwoAnswersOnTwoReportDates()
    {
        await using var app = await TestApp.StartAsync();

        var before = await DiagnoseAsync(app, Wib(2025, 10, 1));
        var after = await DiagnoseAsync(app, Wib(2025, 11, 10));

        // Before 8 Nov 2025 the code had no entry: it is read, but the entry's rule evidence is absent. (The learned
        // model may still lean to rule-change from words like "desktop"; that is not the dated entry.)
        Assert.Contains("ETAX-API-10056", before.ErrorCodes);
        Assert.DoesNotContain(before.Evidence, FromTheDatedEntry);
        Assert.Contains("ETAX-API-10056", after.ErrorCodes);
        Assert.Contains(after.Evidence, FromTheDatedEntry);
        Assert.Equal("rule-change", after.Cause);
    }

    [Fact]
    public async Task ShouldCloseAnEntryAsANewCatalogueVersionSoLaterTicketsNoLongerMeetIt()
    {
        await using var app = await TestApp.StartAsync();

        var version = await app.SendAsync(Manager, new SetCatalogueEntryValidityCommand
        {
            Code = "ETAX-API-10056",
            System = TaxSystem.EfakturDesktop,
            ValidFrom = new DateOnly(2025, 11, 8),
            ValidUntil = new DateOnly(2026, 6, 30),
            SourceNumber = "Pengumuman DJP",
            SourceDate = new DateOnly(2026, 6, 30),
            SourceLink = "https://www.pajak.go.id/",
            Note = "desktop ditutup (contoh)",
        });
        var stillValid = await DiagnoseAsync(app, Wib(2026, 6, 30));
        var closed = await DiagnoseAsync(app, Wib(2026, 7, 1));
        var catalogue = (await app.SendAsync(Manager, new GetCatalogueQuery())).Value;

        Assert.True(version.IsSuccess);
        Assert.Contains(stillValid.Evidence, FromTheDatedEntry);
        Assert.DoesNotContain(closed.Evidence, FromTheDatedEntry);
        var entry = Assert.Single(catalogue.Current.Codes, code => code.Code == "ETAX-API-10056");
        Assert.Equal((new DateOnly(2026, 6, 30), "https://www.pajak.go.id/"), (entry.ValidUntil!.Value, entry.Source!.Link!));
        Assert.Equal(("Maya", "desktop ditutup (contoh)"), (catalogue.History[0].CreatedByName, catalogue.History[0].Note!));
    }

    [Theory]
    [InlineData("2026-01-01", "2025-12-31", "https://x.id", "ValidUntil")]
    [InlineData(null, null, "ftp://pajak.go.id/x", "SourceLink")]
    [InlineData(null, null, "javascript:alert(1)", "SourceLink")]
    public async Task ShouldRefuseUntilBeforeFromOrALinkThatIsNotHttp(string? from, string? until, string link, string field)
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.SendAsync(Manager, new SetCatalogueEntryValidityCommand
        {
            Code = "ETAX-API-10056",
            ValidFrom = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            ValidUntil = until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            SourceNumber = "X",
            SourceLink = link,
            Note = "uji",
        });

        Assert.False(result.IsSuccess);
        Assert.True(result.Error.FieldErrors.ContainsKey(field), string.Join(", ", result.Error.FieldErrors.Keys));
    }

    [Fact]
    public void ShouldKeepEveryDefaultEntryOfDomain2026WithItsSystemAndAnHttpSource()
    {
        var codes = DefaultCatalogue.Create().Codes;

        foreach (var code in new[] { "ETAX-API-10056", "ETAX-API-10001", "CORETAX-INVOICES-HAVE-ERRORS", "CORETAX-PERMISSION", "CORETAX-IMPERSONATE",
                     "CORETAX-UNAUTHORIZED-ACCESS-TOKEN", "CORETAX-AN-ERROR-OCCURRED", "CORETAX-KO-INVALID", "CORETAX-RETUR-XML", "EFAKTUR-DESKTOP-PENGGANTI" })
        {
            var entry = Assert.Single(codes, entry => entry.Code == code);
            Assert.NotNull(entry.System);
            Assert.True(entry.Source?.Link is null || SetCatalogueEntryValidityValidator.IsWebLink(entry.Source.Link), code);
        }

        var replacement = Assert.Single(codes, entry => entry.Code == "EFAKTUR-DESKTOP-PENGGANTI");
        Assert.Equal((new DateOnly(2025, 2, 13), new DateOnly(2025, 11, 7)), (replacement.ValidFrom!.Value, replacement.ValidUntil!.Value));
        Assert.Equal(codes.Count, codes.Select(entry => entry.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
