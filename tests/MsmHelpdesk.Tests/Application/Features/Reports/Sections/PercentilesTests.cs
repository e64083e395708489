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
}
