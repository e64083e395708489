using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>Open tickets now, by status and age (WIB days since reported). The date range does not apply: a backlog is today's.</summary>
public sealed class BacklogSection : IReportSection
{
    /// <summary>Age buckets in WIB calendar days since the day reported: 0–1, 2–7, 8–30, over 30.</summary>
    public static readonly string[] Buckets = ["0-1", "2-7", "8-30", "31+"];

    public string Name => "backlog";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var today = scope.Today;
        var day1 = ReportScope.WibMidnight(today.AddDays(-1));
        var day7 = ReportScope.WibMidnight(today.AddDays(-7));
        var day30 = ReportScope.WibMidnight(today.AddDays(-30));
        var open = TicketWorkflow.Open.ToArray();
        var rows = await scope.Tickets
            .Where(t => open.Contains(t.Status))
            .GroupBy(t => new { t.Status, Bucket = t.ReportedAt >= day1 ? 0 : t.ReportedAt >= day7 ? 1 : t.ReportedAt >= day30 ? 2 : 3 })
            .Select(g => new { g.Key.Status, g.Key.Bucket, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var table = TicketWorkflow.Open
            .Select(status => new object?[] { status.ToString() }
                .Concat(Enumerable.Range(0, Buckets.Length).Select(b => (object?)rows.Where(r => r.Status == status && r.Bucket == b).Sum(r => r.Count)))
                .Append(rows.Where(r => r.Status == status).Sum(r => r.Count))
                .ToArray())
            .ToList();
        return new ReportTable(Name,
            [new("Status"), new("Age0To1", true), new("Age2To7", true), new("Age8To30", true), new("Age31Plus", true), new("Total", true, Charted: false)],
            table);
    }
}
