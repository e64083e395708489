using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// Per consultant: open tickets assigned now, tickets they resolved in the range (by resolution day, WIB) and the
/// median hours to resolution of those (to the 10 minutes: <see cref="Percentiles"/>).
/// </summary>
public sealed class WorkloadSection : IReportSection
{
    public string Name => "workload";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
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

        // Per consultant and bucket: from the stored totals (month and day rows, by day of resolution), else from the tickets.
        const long width = Percentiles.BucketSeconds;
        var split = scope.Split(TallyKind.Workload);
        var sums = new Sums<(string Assignee, long Bucket)>(1);
        foreach (var tallies in scope.StoredTotals(TallyKind.Workload, split))
        {
            var stored = await tallies
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
        var medians = Percentiles.Of(histogram, [50]);
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
