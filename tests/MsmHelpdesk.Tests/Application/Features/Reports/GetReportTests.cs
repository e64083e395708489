using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports;

/// <summary>The report through the mediator: every figure of <see cref="ReportFixture"/>, the filters, refusals and defaults, the texts.</summary>
public sealed class GetReportTests
{
    [Fact]
    public async Task ShouldComputeEveryFigureOfTheFixture()
    {
        await using var f = await ArrangeAsync();

        var report = await f.ReportAsync(FixtureRange);

        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 29)), (report.From, report.To));
        Assert.Equal(ReportSections.All.Select(s => s.Name), report.Tables.Select(t => t.Name));

        // Open now, by WIB days since reported (today 11-30): 0-1 from 11-29, 2-7 from 11-23, 8-30 from 10-31.
        // New: #13 (11-30) 0-1, #8 (11-25) 2-7. Triaged: #10 (11-29) 0-1. InProgress: #9 (11-26) 2-7, #11 (10-20) 31+.
        AssertRows(report, "backlog",
            Row("New", 1, 1, 0, 0, 2),
            Row("Triaged", 1, 0, 0, 0, 1),
            Row("InProgress", 0, 1, 0, 1, 2),
            Row("WaitingOnClient", 0, 0, 0, 0, 0),
            Row("WaitingOnKpp", 0, 0, 0, 0, 0));

        // New: W1 #1 #2; W2 #3 #4; W3 #5 #6; W4 #7 #8 #9 #10 (#13 is after the range).
        // Resolved: W1 #1 (11-02) #2 (11-04) #12 (11-03); W2 #3 #4; W3 #5 #6; W4 #7.
        AssertRows(report, "weekly",
            Row(new DateOnly(2026, 11, 2), 2, 3),
            Row(new DateOnly(2026, 11, 9), 2, 2),
            Row(new DateOnly(2026, 11, 16), 2, 2),
            Row(new DateOnly(2026, 11, 23), 4, 1));

        // In range: #1-#9 ETAX-40002 (open: #8 #9), #10 ETAX-10001 (open).
        AssertRows(report, "error-codes", Row("ETAX-40002", 9, 2), Row("ETAX-10001", 1, 1));

        // Confirmed, else suggested: registration/expired #3; unknown/unknown #8 (suggestion, unconfirmed);
        // upload/expired #1 #2 #4 #5 #9; upload/network #6 #7.
        AssertRows(report, "matrix",
            Row("registration", "expired-certificate", 1, 1),
            Row("unknown", "unknown", 1, 0),
            Row("upload", "expired-certificate", 5, 5),
            Row("upload", "network", 2, 2));

        // expired-certificate: resolution hours 10 20 30 40 50 (n=5): median rank ⌈2.5⌉=3 → 30, p90 rank ⌈4.5⌉=5 → 50;
        //   diagnosis hours (#9 1, #1 2, #2 4, #3 6, #4 8, #5 10; n=6): median rank 3 → 4, p90 rank ⌈5.4⌉=6 → 10.
        // network: resolution 1 3 (n=2): median rank 1 → 1, p90 rank ⌈1.8⌉=2 → 3; diagnosis the same.
        AssertRows(report, "resolution-times",
            Row("expired-certificate", 5, 30.0, 50.0, 6, 4.0, 10.0),
            Row("network", 2, 1.0, 3.0, 2, 1.0, 3.0));

        // Today 11-30: 0-30 = to 12-30, 31-60 = 12-31 … 2027-01-29, 61-90 = 01-30 … 02-28.
        // Legacy: C2 entered 11-20 expired; C1 2024-12-15 + 2y = 12-15 in 0-30; C3 2025-01-25 + 2y = 2027-01-25 in 31-60.
        // Coretax: C2 2027-01-05 in 31-60; C1 2027-02-10 in 61-90.
        AssertRows(report, "certificates", Row("expired", 1, 0), Row("0-30", 1, 0), Row("31-60", 1, 1), Row("61-90", 0, 1));

        // Ani: open #10 #11 #13; resolved in range #1 (10h) #2 (20h) #5 (50h) #6 (1h): sorted 1 10 20 50, median rank 2 → 10.
        // Budi: open #9; resolved #3 (30h) #4 (40h) #7 (3h) #12 (96h, reported before the range): 3 30 40 96 → 30.
        AssertRows(report, "workload", Row("Ani", 3, 4, 10.0), Row("Budi", 1, 4, 30.0));

        // Judged (reported in range, confirmed in November): #1-#7, #9 = 8. Cause right only for #9 (suggested
        // expired-certificate, confirmed the same; #7 suggested expired, confirmed network) = 12.5 %; scenario never.
        AssertRows(report, "accuracy", Row("2026-11", 8, 1, 12.5, 0, 0.0));

        // C1: #1 #2 #4 #6 #8 #10 (open #8 #10); C2: #3 #5 #7 #9 (open #9); C3 none.
        AssertRows(report, "top-clients", Row("PT Satu", "01.234.567.4-901.000", 6, 2), Row("PT Dua", "02.123.456.2-011.001", 4, 1));
    }

    [Fact]
    public async Task ShouldApplyTheFiltersToEverySectionWhereTheyMeanSomething()
    {
        await using var f = await ArrangeAsync();

        // Budi's tickets only: #3 #4 #7 #9 in range, #12 resolved in range, #9 open.
        var budi = await f.ReportAsync(FixtureRange with { AssigneeId = f.Budi.UserId });
        AssertRows(budi, "weekly",
            Row(new DateOnly(2026, 11, 2), 0, 1),
            Row(new DateOnly(2026, 11, 9), 2, 2),
            Row(new DateOnly(2026, 11, 16), 0, 0),
            Row(new DateOnly(2026, 11, 23), 2, 1));
        AssertRows(budi, "backlog",
            Row("New", 0, 0, 0, 0, 0), Row("Triaged", 0, 0, 0, 0, 0), Row("InProgress", 0, 1, 0, 0, 1),
            Row("WaitingOnClient", 0, 0, 0, 0, 0), Row("WaitingOnKpp", 0, 0, 0, 0, 0));
        AssertRows(budi, "matrix",
            Row("registration", "expired-certificate", 1, 1), Row("upload", "expired-certificate", 2, 2), Row("upload", "network", 1, 1));

        // expired: resolution #3 30 #4 40 (n=2): median rank 1 → 30, p90 rank 2 → 40; diagnosis #9 1 #3 6 #4 8:
        // median rank 2 → 6, p90 rank ⌈2.7⌉=3 → 8. network: #7 3h for both, n=1.
        AssertRows(budi, "resolution-times",
            Row("expired-certificate", 2, 30.0, 40.0, 3, 6.0, 8.0),
            Row("network", 1, 3.0, 3.0, 1, 3.0, 3.0));
        AssertRows(budi, "workload", Row("Budi", 1, 4, 30.0));
        // C2: #3 #7 #9 (open #9); C1: #4.
        AssertRows(budi, "top-clients", Row("PT Dua", "02.123.456.2-011.001", 3, 1), Row("PT Satu", "01.234.567.4-901.000", 1, 0));

        // KPP Dua is C2's; KPP Satu holds C1 and C3. Certificates follow the client filters.
        var kppDua = await f.ReportAsync(FixtureRange with { Kpp = "KPP Dua" }, "certificates", "error-codes");
        AssertRows(kppDua, "certificates", Row("expired", 1, 0), Row("0-30", 0, 0), Row("31-60", 0, 1), Row("61-90", 0, 0));
        AssertRows(kppDua, "error-codes", Row("ETAX-40002", 4, 1));
        var kppSatu = await f.ReportAsync(FixtureRange with { Kpp = "KPP Satu" }, "certificates");
        AssertRows(kppSatu, "certificates", Row("expired", 0, 0), Row("0-30", 1, 0), Row("31-60", 1, 0), Row("61-90", 0, 1));

        // Channel Email: only #7. Error code ETAX-10001: only #10, so the ETAX-40002 matrix is empty.
        AssertRows(await f.ReportAsync(FixtureRange with { Channel = TicketChannel.Email }, "error-codes"), "error-codes", Row("ETAX-40002", 1, 0));
        var other = await f.ReportAsync(FixtureRange with { ErrorCode = "etax-10001" }, "matrix", "error-codes");
        AssertRows(other, "matrix");
        AssertRows(other, "error-codes", Row("ETAX-10001", 1, 1));

        // Client C1, one WIB day: 11-18 holds only #6 (reported 09:00 WIB = 02:00 UTC).
        var day = await f.ReportAsync(new ReportFilter { From = new DateOnly(2026, 11, 18), To = new DateOnly(2026, 11, 18), ClientId = f.C1 }, "error-codes", "weekly");
        AssertRows(day, "error-codes", Row("ETAX-40002", 1, 0));
        AssertRows(day, "weekly", Row(new DateOnly(2026, 11, 16), 1, 1));
    }

    [Fact]
    public async Task ShouldRefuseAnUnknownSectionOrAnInvertedRange()
    {
        await using var f = await ArrangeAsync();

        var unknown = await f.App.SendAsync(f.Manager, new GetReportQuery { Sections = ["nope"] });
        var inverted = await f.App.SendAsync(f.Manager, new GetReportQuery { Filter = new ReportFilter { From = new DateOnly(2026, 11, 5), To = new DateOnly(2026, 11, 1) } });
        var consultant = await f.App.SendAsync(f.Ani, new GetReportQuery());

        Assert.False(unknown.IsSuccess);
        Assert.False(inverted.IsSuccess);
        Assert.Equal(MsmHelpdesk.Application.Common.Results.ErrorKind.Forbidden, consultant.Error!.Kind);
    }

    [Fact]
    public async Task ShouldDefaultToTheLastNinetyDaysUpToToday()
    {
        await using var f = await ArrangeAsync();

        var report = await f.ReportAsync(new ReportFilter(), "error-codes");

        // Today (WIB) is 11-30; 90 days back to 2026-09-02 hold every ticket, #11 #12 #13 included.
        Assert.Equal((new DateOnly(2026, 9, 2), new DateOnly(2026, 11, 30)), (report.From, report.To));
        AssertRows(report, "error-codes", Row("ETAX-40002", 12, 4), Row("ETAX-10001", 1, 1));
    }

    [Fact]
    public async Task ShouldCountAnEarlyMorningTicketOnItsWibDayAndMonth()
    {
        // 05:00 WIB on 1 December is 22:00 UTC on 30 November: the WIB day and month are what the report means.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 5, 0, 0, Wib));
        await using var app = await TestApp.StartAsync(clock: clock);
        var admin = TestCurrentUser.With("admin", [Roles.Admin]);
        var managerId = (await app.Identity.CreateUserAsync(new MsmHelpdesk.Application.Common.Identity.NewUser("mira@msm.co.id", "Mira", "Manajer2026x", [Roles.Manager]), CancellationToken.None)).Value;
        var manager = new UserIdentity(managerId, "Mira", new HashSet<string> { Roles.Manager });
        var client = (await app.SendAsync(admin, new CreateClientCommand { Name = "PT Pagi", Npwp = "01.234.567.4-901.000", Kpp = "KPP Satu" })).Value;
        Assert.True((await app.SendAsync(admin, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Channel = TicketChannel.Phone })).IsSuccess);
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 10, 0, 0, Wib));

        async Task<int> CountAsync(DateOnly from, DateOnly to)
        {
            var report = await app.SendAsync(manager, new GetReportQuery { Filter = new ReportFilter { From = from, To = to }, Sections = ["error-codes"] });
            return report.Value.Tables[0].Rows.Sum(row => (int)row[1]!);
        }

        Assert.Equal(1, await CountAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)));
        Assert.Equal(0, await CountAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30)));
        Assert.Equal(1, await CountAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(0, await CountAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(1, await CountAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 15)));
    }

    [Fact]
    public void ShouldHaveATitleNoteAndHeadersInBothLanguagesForEverySection()
    {
        var keys = new[] { "AppText.resx", "AppText.en.resx" }
            .Select(file => System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src/MsmHelpdesk.Application/Resources", file))
                .Root!.Elements("data").Select(e => (string)e.Attribute("name")!).ToHashSet())
            .ToArray();
        foreach (var section in ReportSections.All)
        {
            var pascal = ReportTable.Pascal(section.Name);
            foreach (var key in new[] { "ReportTitle" + pascal, "ReportNote" + pascal })
            {
                Assert.All(keys, set => Assert.Contains(key, set));
            }
        }
    }

    [Fact]
    public async Task ShouldNameEveryColumnInBothLanguages()
    {
        await using var f = await ArrangeAsync();
        var report = await f.ReportAsync(FixtureRange);
        var en = System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src/MsmHelpdesk.Application/Resources/AppText.en.resx"))
            .Root!.Elements("data").Select(e => (string)e.Attribute("name")!).ToHashSet();
        var id = System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "src/MsmHelpdesk.Application/Resources/AppText.resx"))
            .Root!.Elements("data").Select(e => (string)e.Attribute("name")!).ToHashSet();

        Assert.All(report.Tables.SelectMany(t => t.Columns), column =>
        {
            Assert.Contains("ReportColumn" + column.Key, en);
            Assert.Contains("ReportColumn" + column.Key, id);
        });
    }
}
