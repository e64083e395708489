using Microsoft.EntityFrameworkCore;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>Per ISO week (Monday, WIB): tickets reported and tickets resolved. Weeks overlapping the range, counted within it.</summary>
public sealed class WeeklyFlowSection : IReportSection
{
    public string Name => "weekly";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        var monday = scope.From.AddDays(-(((int)scope.From.DayOfWeek + 6) % 7));
        for (var week = monday; week <= scope.To; week = week.AddDays(7))
        {
            // Clip the week to the range so the weeks add up to the range's totals.
            var start = ReportScope.WibMidnight(week < scope.From ? scope.From : week);
            var end = ReportScope.WibMidnight(week.AddDays(7) > scope.To.AddDays(1) ? scope.To.AddDays(1) : week.AddDays(7));
            var reported = await scope.Tickets.CountAsync(t => t.ReportedAt >= start && t.ReportedAt < end, cancellationToken);
            var resolved = await scope.Tickets.CountAsync(t => t.ResolvedAt >= start && t.ResolvedAt < end, cancellationToken);
            rows.Add([week, reported, resolved]);
        }

        return new ReportTable(Name, [new("Week"), new("New", true), new("Resolved", true)], rows, ReportChart.Line);
    }
}
