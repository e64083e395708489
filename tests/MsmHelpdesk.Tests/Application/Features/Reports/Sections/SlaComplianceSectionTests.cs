using MsmHelpdesk.Application.Features.Reports;
using static MsmHelpdesk.Tests.Application.Features.Reports.Sections.SlaAndVisitFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Sections;

public sealed class SlaComplianceSectionTests
{
    [Fact]
    public async Task ShouldCountSlaOutcomesPerMonthFromTheRealClocks()
    {
        await using var f = await ArrangeAsync();

        // Columns: month | first response met, breached, % met, overdue (still New) | resolution met, breached, % met, open and breached.
        // October: first response met T1 T8, breached T2 (2/3 = 66.67 %); resolution met T1, breached T2 T7 (1/3 = 33.33 %);
        //   open and breached T8 (due 10-07). T6 has no clocks; T7's first response was in September.
        // November: first response met T3 T4 T9 (100 %), overdue T5; resolution met T3 (100 %); open and breached T4 (due 11-06) and
        //   T9 (due 11-24); T5's resolution is not due until 11-30 15:00.
        AssertRows(await f.SectionAsync(FixtureRange, "sla"),
            Row("2026-10", 2, 1, 66.67, 0, 1, 2, 33.33, 1),
            Row("2026-11", 3, 0, 100.0, 1, 1, 0, 100.0, 2));

        // Ani's tickets only (T1 T2 T8): October as above without T7 (resolution 1 met, 1 breached = 50 %); nothing in November.
        AssertRows(await f.SectionAsync(FixtureRange with { AssigneeId = f.Ani.UserId }, "sla"),
            Row("2026-10", 2, 1, 66.67, 0, 1, 1, 50.0, 1),
            Row("2026-11", 0, 0, null, 0, 0, 0, null, 0));

        // September alone: T7's first response (met); its resolution came in October. Nothing overdue then.
        AssertRows(await f.SectionAsync(new ReportFilter { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) }, "sla"),
            Row("2026-09", 1, 0, 100.0, 0, 0, 0, null, 0));

        // Only T6 (no clocks) was handled on 10-08: nothing to count, so no rows at all.
        Assert.Empty((await f.SectionAsync(new ReportFilter { From = new DateOnly(2026, 10, 8), To = new DateOnly(2026, 10, 8) }, "sla")).Rows);
    }
}
