using Microsoft.EntityFrameworkCore;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>How many values fall in one bucket of a group's histogram (bucket b holds [b·width, (b+1)·width)).</summary>
public sealed record HistogramBucket<TKey>(TKey Key, long Bucket, int Count);

/// <summary>
/// Nearest-rank percentiles computed in the database: the value at rank ⌈p·n/100⌉ of a group's n values sorted
/// ascending. Two steps, neither of which reads the values: one GROUP BY counts each group's values per bucket
/// of <see cref="BucketSeconds"/> (the caller's query), which gives n and the bucket holding each rank; then per
/// group and percentile one ORDER BY … OFFSET inside that bucket, over an index that starts with the group and
/// the value, returns the single value at the rank. Exact, whatever the bucket width.
/// </summary>
public static class Percentiles
{
    public const long BucketSeconds = 600;

    /// <summary>
    /// The workload's buckets (one hour): coarser buckets keep its stored totals few (one consultant's median needs
    /// no finer map); the seek inside a bucket reads one consultant's values only.
    /// </summary>
    public const long WorkloadBucketSeconds = 3600;

    /// <summary>The rank (1-based) of the <paramref name="percent"/>th percentile of <paramref name="count"/> values; 0 when there are none.</summary>
    public static int Rank(int count, int percent) => count == 0 ? 0 : Math.Max(1, (int)(((long)percent * count + 99) / 100));

    /// <summary>
    /// Per group of <paramref name="histogram"/>: its count and the value at each of <paramref name="percents"/>.
    /// <paramref name="valuesBetween"/> gives a group's values in [from, to) (the same filter as the histogram).
    /// </summary>
    public static async Task<Dictionary<TKey, (int Count, long?[] Values)>> OfAsync<TKey>(
        IReadOnlyList<HistogramBucket<TKey>> histogram,
        Func<TKey, long, long, IQueryable<long>> valuesBetween,
        int[] percents,
        CancellationToken cancellationToken,
        long bucketSeconds = BucketSeconds)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, (int, long?[])>();
        foreach (var group in histogram.GroupBy(b => b.Key))
        {
            var buckets = group.OrderBy(b => b.Bucket).ToList();
            var count = buckets.Sum(b => b.Count);
            var values = new long?[percents.Length];
            for (var p = 0; p < percents.Length; p++)
            {
                var rank = Rank(count, percents[p]);
                var before = 0;
                foreach (var bucket in buckets)
                {
                    if (before + bucket.Count >= rank)
                    {
                        var (from, to) = (bucket.Bucket * bucketSeconds, (bucket.Bucket + 1) * bucketSeconds);
                        values[p] = await valuesBetween(group.Key, from, to).OrderBy(v => v).Skip(rank - before - 1)
                            .Select(v => (long?)v).FirstOrDefaultAsync(cancellationToken);
                        break;
                    }

                    before += bucket.Count;
                }
            }

            result[group.Key] = (count, values);
        }

        return result;
    }

    public static double? Hours(long? seconds) => seconds is { } s ? Math.Round(s / 3600.0, 2) : null;
}
