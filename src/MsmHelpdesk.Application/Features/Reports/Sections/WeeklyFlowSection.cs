using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>Per ISO week (Monday, WIB): tickets reported and tickets resolved. Weeks overlapping the range, counted within it.</summary>
public sealed class WeeklyFlowSection : IReportSection
{
    public string Name => "weekly";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var monday = scope.From.AddDays(-(((int)scope.From.DayOfWeek + 6) % 7));
        var weeks = new List<DateOnly>();
        for (var week = monday; week <= scope.To; week = week.AddDays(7))
        {
            weeks.Add(week);
        }

        // Each week clipped to the range, so the weeks add up to the range's totals.
        var counts = weeks.ToDictionary(week => week, _ => new int[2]);
        var split = scope.Split(TallyKind.Flow, daysOnly: true);
        foreach (var tallies in scope.StoredTotals(TallyKind.Flow, split))
        {
            // The range's day rows summed per day (at most one row per day and key), then per week here.
            var days = await tallies.GroupBy(t => new { t.Day, t.Key })
                .Select(g => new { g.Key.Day, g.Key.Key, Count = g.Sum(t => t.Tickets) })
                .ToListAsync(cancellationToken);
            foreach (var day in days)
            {
                var date = DateOnly.FromDayNumber(day.Day);
                counts[date.AddDays(-(((int)date.DayOfWeek + 6) % 7))][day.Key == Tallies.FlowNew ? 0 : 1] += day.Count;
            }
        }

        if (split.TicketRanges.Count > 0)
        {
            foreach (var week in weeks)
            {
                var start = ReportScope.WibMidnight(week < scope.From ? scope.From : week);
                var end = ReportScope.WibMidnight(week.AddDays(7) > scope.To.AddDays(1) ? scope.To.AddDays(1) : week.AddDays(7));
                counts[week][0] = await scope.Tickets.CountAsync(t => t.ReportedAt >= start && t.ReportedAt < end, cancellationToken);
                counts[week][1] = await scope.Tickets.CountAsync(t => t.ResolvedAt >= start && t.ResolvedAt < end, cancellationToken);
            }
        }

        var rows = weeks.Select(week => new object?[] { week, counts[week][0], counts[week][1] }).ToList();
        return new ReportTable(Name, [new("Week"), new("New", true), new("Resolved", true)], rows, ReportChart.Line);
    }
}
