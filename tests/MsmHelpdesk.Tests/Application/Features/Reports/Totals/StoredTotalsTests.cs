using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Totals;

/// <summary>Stored totals (ReportTally): whole months come from them, the other days from the tickets; every save keeps them equal to the tickets.</summary>
public sealed class StoredTotalsTests
{
    [Fact]
    public async Task ShouldReadWholeMonthsFromTheStoredTotals()
    {
        await using var f = await ArrangeAsync();
        string[] sections = ["error-codes", "matrix", "resolution-times", "accuracy", "top-clients"];

        var report = await f.ReportAsync(OctoberAndNovember, sections);

        // October and November are whole months: every ticket, #11 #12 (October) and #13 (11-30) included.
        AssertRows(report, "error-codes", Row("ETAX-40002", 12, 4), Row("ETAX-10001", 1, 1));
        // #11 upload/expired (confirmed); #12 and #13 unconfirmed with the suggestion unknown/unknown.
        AssertRows(report, "matrix",
            Row("registration", "expired-certificate", 1, 1),
            Row("unknown", "unknown", 3, 0),
            Row("upload", "expired-certificate", 6, 6),
            Row("upload", "network", 2, 2));
        // expired-certificate diagnosis adds #11 (5h): 1 2 4 5 6 8 10 (n=7), median rank ⌈3.5⌉=4 → 5, p90 rank ⌈6.3⌉=7 → 10.
        // #12 (cause unknown, the suggestion): resolved after 96h, never diagnosed.
        AssertRows(report, "resolution-times",
            Row("expired-certificate", 5, 30.0, 50.0, 7, 5.0, 10.0),
            Row("network", 2, 1.0, 3.0, 2, 1.0, 3.0),
            Row("unknown", 1, 96.0, 96.0, 0, null, null));
        // #11 confirmed 10-20 (suggested unknown, confirmed expired-certificate: wrong).
        AssertRows(report, "accuracy", Row("2026-10", 1, 0, 0.0, 0, 0.0), Row("2026-11", 8, 1, 12.5, 0, 0.0));
        // C1: #1 #2 #4 #6 #8 #10 #11 #13 (open #8 #10 #11 #13); C2: #3 #5 #7 #9 #12 (open #9).
        AssertRows(report, "top-clients", Row("PT Satu", "01.234.567.4-901.000", 8, 4), Row("PT Dua", "02.123.456.2-011.001", 5, 1));

        // The same numbers from the tickets alone; without the stored rows the whole months count nothing, so the
        // report above read them.
        var databases = f.App.Services.GetRequiredService<MsmHelpdesk.Application.Common.Persistence.IAppDbContextFactory>();
        var fromTickets = await GetReportHandler.BuildAsync(databases, OctoberAndNovember, sections, Now, CancellationToken.None, useTallies: false);
        Assert.Equal(Texts(report), Texts(fromTickets));
        await f.App.QueryDbAsync(db => db.ReportTallies.ExecuteDeleteAsync());
        var withoutTotals = await f.ReportAsync(OctoberAndNovember, sections);
        Assert.All(withoutTotals.Tables, table => Assert.Empty(table.Rows));
    }

    [Fact]
    public async Task ShouldGiveTheSameNumbersFromStoredTotalsAndFromTicketsForAnyRangeAndFilter()
    {
        await using var f = await ArrangeAsync();
        var databases = f.App.Services.GetRequiredService<MsmHelpdesk.Application.Common.Persistence.IAppDbContextFactory>();
        ReportFilter[] ranges =
        [
            OctoberAndNovember,
            new() { From = new DateOnly(2026, 10, 20), To = new DateOnly(2026, 11, 30) },
            new() { From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 25) },
            new() { From = new DateOnly(2026, 9, 15), To = new DateOnly(2026, 12, 15) },
            new() { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30) },
            FixtureRange,
        ];
        var filters = new Func<ReportFilter, ReportFilter>[]
        {
            r => r, r => r with { ErrorCode = "ETAX-40002" }, r => r with { Channel = TicketChannel.Email }, r => r with { AssigneeId = f.Ani.UserId },
            r => r with { Kpp = "KPP Dua" }, r => r with { ErrorCode = "etax-10001", Channel = TicketChannel.WhatsApp },
        };

        foreach (var range in ranges)
        {
            foreach (var filter in filters.Select(apply => apply(range)))
            {
                var stored = await GetReportHandler.BuildAsync(databases, filter, [], Now, CancellationToken.None);
                var tickets = await GetReportHandler.BuildAsync(databases, filter, [], Now, CancellationToken.None, useTallies: false);
                Assert.Equal(Texts(tickets), Texts(stored));
            }
        }
    }

    [Fact]
    public async Task ShouldKeepTheStoredTotalsEqualToTheTicketsThroughEveryChange()
    {
        await using var f = await ArrangeAsync();
        var databases = f.App.Services.GetRequiredService<MsmHelpdesk.Application.Common.Persistence.IAppDbContextFactory>();

        // The fixture created, triaged, confirmed, resolved tickets through the commands; now reopen, re-diagnose,
        // and lose a concurrent edit.
        Assert.True((await f.App.SendAsync(f.Ani, new ChangeTicketStatusCommand { TicketId = f.Tickets[1].Id, To = TicketStatus.InProgress })).IsSuccess);
        Assert.True((await f.App.SendAsync(f.Budi, new ConfirmDiagnosisCommand { TicketId = f.Tickets[9].Id, Scenario = "upload", Cause = "network" })).IsSuccess);
        await using (var first = await databases.CreateAsync())
        await using (var second = await databases.CreateAsync())
        {
            var a = await first.Tickets.SingleAsync(t => t.Id == f.Tickets[8].Id);
            var b = await second.Tickets.SingleAsync(t => t.Id == f.Tickets[8].Id);
            Assert.Null(a.MoveTo(TicketStatus.Triaged, null, new Actor(f.Ani.UserId!, "Ani"), Now, MsmHelpdesk.Domain.Sla.SlaRules.Default));
            Assert.Null(b.MoveTo(TicketStatus.Triaged, null, new Actor(f.Budi.UserId!, "Budi"), Now, MsmHelpdesk.Domain.Sla.SlaRules.Default));
            await first.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }

        var stored = await StoredSumsAsync(databases);
        var expected = await ExpectedSumsAsync(databases);
        Assert.Equal(expected, stored);
        Assert.Contains(stored, row => row.StartsWith("codes|", StringComparison.Ordinal));

        // Compaction folds the change rows and changes no sum.
        var before = await f.App.QueryDbAsync(db => db.ReportTallies.CountAsync());
        var compacted = await f.App.SendAsync(TestCurrentUser.With("admin", [Roles.Admin]), new CompactReportTalliesCommand());
        Assert.True(compacted.IsSuccess);
        Assert.True(compacted.Value.RowsRemoved > 0);
        Assert.Equal(before - compacted.Value.RowsRemoved, compacted.Value.RowsLeft);
        Assert.Equal(expected, await StoredSumsAsync(databases));
        Assert.Equal(expected.Count, compacted.Value.RowsLeft);

        // A rebuild gives the same rows.
        await using (var db = await databases.CreateAsync())
        {
            await TallyStore.RebuildAsync(db, CancellationToken.None);
        }

        Assert.Equal(expected, await StoredSumsAsync(databases));
        var consultant = await f.App.SendAsync(f.Ani, new CompactReportTalliesCommand());
        Assert.Equal(MsmHelpdesk.Application.Common.Results.ErrorKind.Forbidden, consultant.Error!.Kind);
    }
}
