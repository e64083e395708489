using MsmHelpdesk.Application.Features.Reports.Sections;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Sections;

public sealed class PercentilesTests
{
    [Fact]
    public void ShouldTakeTheNearestRankPercentile()
    {
        // ⌈p·n/100⌉: n=1 → 1; n=10 → median 5, p90 9; n=11 → median 6, p90 10; n=0 → none.
        Assert.Equal([1, 1, 5, 9, 6, 10, 0], new[] { Percentiles.Rank(1, 50), Percentiles.Rank(1, 90), Percentiles.Rank(10, 50), Percentiles.Rank(10, 90), Percentiles.Rank(11, 50), Percentiles.Rank(11, 90), Percentiles.Rank(0, 50) });
    }

    [Fact]
    public void ShouldReadEachPercentileAsTheStartOfItsBucketAtMostOneBucketUnderTheExactValue()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = Enumerable.Range(0, random.Next(1, 60)).Select(_ => (long)random.Next(0, 200_000)).ToList();
            var histogram = values.GroupBy(v => v / Percentiles.BucketSeconds).Select(g => new HistogramBucket<string>("x", g.Key, g.Count())).ToList();

            var (count, read) = Percentiles.Of(histogram, [50, 90])["x"];

            Assert.Equal(values.Count, count);
            var sorted = values.Order().ToList();
            foreach (var (percent, value) in new[] { 50, 90 }.Zip(read))
            {
                var exact = sorted[Percentiles.Rank(values.Count, percent) - 1];
                Assert.Equal(exact / Percentiles.BucketSeconds * Percentiles.BucketSeconds, value);
                Assert.InRange(exact - value!.Value, 0, Percentiles.BucketSeconds - 1);
            }
        }
    }

    [Fact]
    public void ShouldLeaveOutGroupsWhoseBucketsAddUpToNothing()
    {
        HistogramBucket<string>[] histogram = [new("gone", 3, 0), new("kept", 2, 1), new("kept", 5, 3)];

        var result = Percentiles.Of(histogram, [50]);

        Assert.Equal(["kept"], result.Keys);
        Assert.Equal((4, 5 * Percentiles.BucketSeconds), (result["kept"].Count, result["kept"].Values[0]));
    }
}
