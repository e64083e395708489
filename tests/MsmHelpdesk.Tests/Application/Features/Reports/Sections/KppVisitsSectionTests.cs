using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Application.Features.Reports.Sections.SlaAndVisitFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Sections;

public sealed class KppVisitsSectionTests
{
    [Fact]
    public async Task ShouldCountKppVisitsPerMonthByOutcome()
    {
        await using var f = await ArrangeAsync();

        // Columns: month | Scheduled, CertificateIssued, Refused, Rescheduled, Cancelled | total.
        // October: V1 issued, V2 rescheduled. November: V3 refused, V5 still scheduled, V6 cancelled. V4 (12-02) is after the range.
        AssertRows(await f.SectionAsync(FixtureRange, "kpp-visits"),
            Row("2026-10", 0, 1, 0, 1, 0, 2),
            Row("2026-11", 1, 0, 1, 0, 1, 3));

        // The visit's KPP: V6 went to KPP Madya Dua, so KPP Dua has only V5; the client C2 has V5 and V6.
        AssertRows(await f.SectionAsync(FixtureRange with { Kpp = "KPP Dua" }, "kpp-visits"),
            Row("2026-10", 0, 0, 0, 0, 0, 0),
            Row("2026-11", 1, 0, 0, 0, 0, 1));
        AssertRows(await f.SectionAsync(FixtureRange with { ClientId = f.C2 }, "kpp-visits"),
            Row("2026-10", 0, 0, 0, 0, 0, 0),
            Row("2026-11", 1, 0, 0, 0, 1, 2));

        // The visit's consultant: Ani accompanies V1–V3 (T8 is hers).
        AssertRows(await f.SectionAsync(FixtureRange with { AssigneeId = f.Ani.UserId }, "kpp-visits"),
            Row("2026-10", 0, 1, 0, 1, 0, 2),
            Row("2026-11", 0, 0, 1, 0, 0, 1));

        // December up to V4's day: one planned visit; a range without visits has no rows.
        AssertRows(await f.SectionAsync(new ReportFilter { From = new DateOnly(2026, 12, 1), To = new DateOnly(2026, 12, 31) }, "kpp-visits"),
            Row("2026-12", 1, 0, 0, 0, 0, 1));
        Assert.Empty((await f.SectionAsync(new ReportFilter { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) }, "kpp-visits")).Rows);
    }

    [Fact]
    public async Task ShouldGiveTheNewSectionsThroughTheCommandLineAsCsv()
    {
        var directory = TestPaths.NewTempDirectory();
        await using (await ArrangeAsync(directory))
        {
        }

        async Task<(int Exit, string Output)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var exit = await CliApp.RunAsync(args, new StringReader(""), output, new StringWriter(), new Dictionary<string, string?>
            {
                [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}",
            });
            return (exit, output.ToString());
        }

        var list = await RunAsync("report", "--list");
        // The CLI runs on the real clock: October only, whose due instants are all long past whatever "now" is.
        var sla = await RunAsync("report", "sla", "--from", "2026-10-01", "--to", "2026-10-31");
        var visits = await RunAsync("report", "kpp-visits", "--from", "2026-10-01", "--to", "2026-11-29", "--kpp", "KPP Dua");

        Assert.Contains("sla", list.Output.Split('\n').Select(l => l.Trim()));
        Assert.Contains("kpp-visits", list.Output.Split('\n').Select(l => l.Trim()));
        Assert.Equal(CliApp.Ok, sla.Exit);
        Assert.Equal(["2026-10,2,1,66.67,0,1,2,33.33,1"], sla.Output.Trim().Split("\r\n").Skip(1));
        Assert.Equal(["2026-10,0,0,0,0,0,0", "2026-11,1,0,0,0,0,1"], visits.Output.Trim().Split("\r\n").Skip(1));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
