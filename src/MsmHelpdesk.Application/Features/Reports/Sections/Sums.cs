namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// Counts per key added up from stored totals and ticket queries (grouped rows, never tickets). A key whose counts
/// add up to nothing (every ticket of it since deleted or moved) is left out.
/// </summary>
public sealed class Sums<TKey>(int width)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int[]> _sums = [];

    public void Add(TKey key, params int[] counts)
    {
        if (!_sums.TryGetValue(key, out var sum))
        {
            _sums[key] = sum = new int[width];
        }

        for (var i = 0; i < width; i++)
        {
            sum[i] += counts[i];
        }
    }

    public IEnumerable<(TKey Key, int[] Counts)> Rows => _sums.Where(s => s.Value.Any(c => c != 0)).Select(s => (s.Key, s.Value));
}
