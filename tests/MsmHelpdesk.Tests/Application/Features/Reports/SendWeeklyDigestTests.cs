using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Domain.Users;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports;

public sealed class SendWeeklyDigestTests
{
    [Fact]
    public async Task ShouldSendTheWeeklyDigestToManagersOncePerIsoWeek()
    {
        await using var f = await ArrangeAsync();
        await f.App.Identity.CreateUserAsync(new MsmHelpdesk.Application.Common.Identity.NewUser("rudi@msm.co.id", "Rudi", "Manajer2026x", [Roles.Manager]), CancellationToken.None);

        var first = await f.App.SendAsync(f.Manager, new SendWeeklyDigestCommand());
        f.Clock.Advance(TimeSpan.FromHours(5));
        var second = await f.App.SendAsync(f.Manager, new SendWeeklyDigestCommand());

        // Monday 11-30 → the last complete ISO week is 2026-W48, 11-23 … 11-29.
        Assert.Equal(new WeeklyDigestOutcome("2026-W48", 2, 2), first.Value);
        Assert.Equal(new WeeklyDigestOutcome("2026-W48", 2, 0), second.Value);
        Assert.Equal(2, f.Notifier.Sent.Count);
        var notice = f.Notifier.Sent[0].Notice;
        Assert.Equal("weekly-digest:2026-W48", notice.Key);
        Assert.Equal("/reports?from=2026-11-23&to=2026-11-29", notice.Link);

        // The same numbers as the dashboard for that week: W4 had 4 new tickets and 1 resolved (#7);
        // #7 is the only resolution in the week (3 hours, network).
        var week = await f.ReportAsync(new ReportFilter { From = new DateOnly(2026, 11, 23), To = new DateOnly(2026, 11, 29) }, SendWeeklyDigestHandler.Sections);
        Assert.Equal(SendWeeklyDigestHandler.Body(week), notice.Body);
        Assert.Contains($"{new ReportColumn("Week").Header}: 2026-11-23; {new ReportColumn("New").Header}: 4; {new ReportColumn("Resolved").Header}: 1", notice.Body, StringComparison.Ordinal);
        Assert.Contains($"{new ReportColumn("Cause").Header}: network; {new ReportColumn("Resolved").Header}: 1; {new ReportColumn("MedianResolutionHours").Header}: 3;", notice.Body, StringComparison.Ordinal);
    }
}
