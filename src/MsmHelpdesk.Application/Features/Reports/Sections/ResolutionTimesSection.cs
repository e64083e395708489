using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// Per cause (confirmed, else suggested), over tickets reported in the range: median and 90th percentile
/// (nearest rank, to the 10 minutes: <see cref="Percentiles"/>) of hours from creation to resolution, and from
/// creation to a confirmed diagnosis.
/// </summary>
public sealed class ResolutionTimesSection : IReportSection
{
    public string Name => "resolution-times";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        int[] percents = [50, 90];
        var resolutionHistogram = await HistogramAsync(scope, TallyKind.Resolution,
            tickets => tickets.Where(t => t.ResolutionSeconds != null).Select(t => new CauseSeconds { Cause = t.DiagnosedCause, Seconds = t.ResolutionSeconds!.Value }),
            cancellationToken);
        var diagnosisHistogram = await HistogramAsync(scope, TallyKind.Diagnosis,
            tickets => tickets.Where(t => t.DiagnosisSeconds != null).Select(t => new CauseSeconds { Cause = t.DiagnosedCause, Seconds = t.DiagnosisSeconds!.Value }),
            cancellationToken);

        var resolution = Percentiles.Of(resolutionHistogram, percents);
        var diagnosis = Percentiles.Of(diagnosisHistogram, percents);

        var rows = new List<object?[]>();
        foreach (var cause in resolution.Keys.Union(diagnosis.Keys).Order(StringComparer.Ordinal))
        {
            var (resolved, resolvedAt) = resolution.GetValueOrDefault(cause, (0, new long?[2]));
            var (diagnosed, diagnosedAt) = diagnosis.GetValueOrDefault(cause, (0, new long?[2]));
            rows.Add([cause, resolved, Percentiles.Hours(resolvedAt[0]), Percentiles.Hours(resolvedAt[1]),
                diagnosed, Percentiles.Hours(diagnosedAt[0]), Percentiles.Hours(diagnosedAt[1])]);
        }

        return new ReportTable(Name,
            [new("Cause"), new("Resolved", true, Charted: false), new("MedianResolutionHours", true), new("P90ResolutionHours", true),
             new("Diagnosed", true, Charted: false), new("MedianDiagnosisHours", true), new("P90DiagnosisHours", true)],
            rows);
    }

    /// <summary>
    /// Per cause (null causes under "-"), how many of the range's tickets have a value (of <paramref name="values"/>) in each
    /// bucket of <see cref="Percentiles.BucketSeconds"/>: from the stored totals (month and day rows), or from the tickets when they can't answer.
    /// </summary>
    private static async Task<List<HistogramBucket<string>>> HistogramAsync(
        ReportScope scope, TallyKind kind, Func<IQueryable<Ticket>, IQueryable<CauseSeconds>> values, CancellationToken cancellationToken)
    {
        const long width = Percentiles.BucketSeconds;
        var split = scope.Split(kind);
        var sums = new Sums<(string Cause, long Bucket)>(1);
        foreach (var tallies in scope.StoredTotals(kind, split))
        {
            var stored = await tallies
                .GroupBy(t => new { t.Key, t.Number })
                .Select(g => new { Cause = g.Key.Key, Bucket = g.Key.Number, Count = g.Sum(t => t.Tickets) })
                .ToListAsync(cancellationToken);
            stored.ForEach(b => sums.Add((b.Cause ?? ReportSections.None, b.Bucket), b.Count));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await values(scope.ReportedBetween(start, end))
                .GroupBy(v => new { v.Cause, Bucket = v.Seconds / width })
                .Select(g => new { g.Key.Cause, g.Key.Bucket, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counted.ForEach(b => sums.Add((b.Cause ?? ReportSections.None, b.Bucket), b.Count));
        }

        return sums.Rows.Select(r => new HistogramBucket<string>(r.Key.Cause, r.Key.Bucket, r.Counts[0])).ToList();
    }

    /// <summary>A ticket's cause and one of its durations, so both durations share one grouping query.</summary>
    private sealed class CauseSeconds
    {
        public string? Cause { get; init; }

        public long Seconds { get; init; }
    }
}
