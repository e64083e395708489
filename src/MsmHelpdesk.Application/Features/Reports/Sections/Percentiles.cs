namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>How many values fall in one bucket of a group's histogram (bucket b holds [b·width, (b+1)·width)).</summary>
public sealed record HistogramBucket<TKey>(TKey Key, long Bucket, int Count);

/// <summary>
/// Nearest-rank percentiles read from a histogram alone: the rank ⌈p·n/100⌉ of a group's n values sorted ascending
/// falls in one bucket of <see cref="BucketSeconds"/>, and the percentile is that bucket's start. So a value is the
/// exact one rounded down to the 10 minutes, at most <see cref="BucketSeconds"/> − 1 seconds under it, and the same
/// whether the histogram came from the stored totals or from the tickets: no value is read again.
/// </summary>
public static class Percentiles
{
    /// <summary>The width of a bucket (10 minutes): the resolution of every duration percentile the report shows.</summary>
    public const long BucketSeconds = 600;

    /// <summary>The rank (1-based) of the <paramref name="percent"/>th percentile of <paramref name="count"/> values; 0 when there are none.</summary>
    public static int Rank(int count, int percent) => count == 0 ? 0 : Math.Max(1, (int)(((long)percent * count + 99) / 100));

    /// <summary>Per group of <paramref name="histogram"/>: its count and the start of the bucket holding each of <paramref name="percents"/>.</summary>
    public static Dictionary<TKey, (int Count, long?[] Values)> Of<TKey>(IEnumerable<HistogramBucket<TKey>> histogram, int[] percents)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, (int, long?[])>();
        foreach (var group in histogram.Where(b => b.Count != 0).GroupBy(b => b.Key))
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
                    before += bucket.Count;
                    if (before >= rank)
                    {
                        values[p] = bucket.Bucket * BucketSeconds;
                        break;
                    }
                }
            }

            result[group.Key] = (count, values);
        }

        return result;
    }

    public static double? Hours(long? seconds) => seconds is { } s ? Math.Round(s / 3600.0, 2) : null;
}
