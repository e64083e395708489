using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// Per consultant: open tickets assigned now, tickets they resolved in the range (by resolution day, WIB) and the
/// median hours to resolution of those.
/// </summary>
public sealed class WorkloadSection : IReportSection
{
    public string Name => "workload";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var (start, end) = (scope.Start, scope.End);
        // One open status at a time: an equality on status reads that status's few tickets from the (Status, …) index,
        // where "status in (…)" let SQLite walk every assigned ticket in consultant order to skip the sort.
        var perStatus = new Sums<string>(1);
        foreach (var status in open)
        {
            var counted = await scope.Tickets.Where(t => t.Status == status && t.AssigneeId != null)
                .GroupBy(t => t.AssigneeId)
                .Select(g => new { Id = g.Key!, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counted.ForEach(c => perStatus.Add(c.Id, c.Count));
        }

        var openCounts = perStatus.Rows.Select(r => new { Id = r.Key, Count = r.Counts[0] }).ToList();
        IQueryable<Ticket> ResolvedBetween(DateTimeOffset from, DateTimeOffset to) =>
            scope.Tickets.Where(t => t.ResolvedAt >= from && t.ResolvedAt < to && t.ResolutionSeconds != null && t.AssigneeId != null);
        var resolved = ResolvedBetween(start, end);

        // Per consultant and bucket: whole months (of resolution) from the stored totals, the other days from the tickets.
        const long width = Percentiles.WorkloadBucketSeconds;
        var split = scope.Split(TallyKind.Workload);
        var sums = new Sums<(string Assignee, long Bucket)>(1);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(TallyKind.Workload, split)
                .GroupBy(t => new { t.AssigneeId, t.Number })
                .Select(g => new { Assignee = g.Key.AssigneeId, Bucket = g.Key.Number, Count = g.Sum(t => t.Tickets) })
                .ToListAsync(cancellationToken);
            stored.ForEach(b => sums.Add((b.Assignee!, b.Bucket), b.Count));
        }

        foreach (var (from, to) in split.TicketRanges)
        {
            var counted = await ResolvedBetween(from, to)
                .GroupBy(t => new { t.AssigneeId, Bucket = t.ResolutionSeconds!.Value / width })
                .Select(g => new { g.Key.AssigneeId, g.Key.Bucket, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counted.ForEach(b => sums.Add((b.AssigneeId!, b.Bucket), b.Count));
        }

        var histogram = sums.Rows.Select(r => new HistogramBucket<string>(r.Key.Assignee, r.Key.Bucket, r.Counts[0])).ToList();
        var medians = await Percentiles.OfAsync(histogram,
            (id, from, to) => resolved.Where(t => t.AssigneeId == id && t.ResolutionSeconds >= from && t.ResolutionSeconds < to).Select(t => t.ResolutionSeconds!.Value),
            [50], cancellationToken, width);
        var ids = openCounts.Select(o => o.Id).Union(medians.Keys).ToArray();
        var names = await scope.Db.Staff.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var rows = new List<object?[]>();
        foreach (var id in ids.OrderBy(id => names.GetValueOrDefault(id, id), StringComparer.CurrentCulture))
        {
            var (count, median) = medians.GetValueOrDefault(id, (0, new long?[1]));
            rows.Add([names.GetValueOrDefault(id, id), openCounts.FirstOrDefault(o => o.Id == id)?.Count ?? 0, count, Percentiles.Hours(median[0])]);
        }

        return new ReportTable(Name, [new("Consultant"), new("Open", true), new("Resolved", true), new("MedianResolutionHours", true, Charted: false)], rows);
    }
}
