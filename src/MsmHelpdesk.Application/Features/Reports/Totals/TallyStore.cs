using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Application.Features.Reports.Totals;

/// <summary>
/// The stored totals as a whole: rebuilt from the tickets, or compacted. Each ticket save keeps them current on its
/// own (Infrastructure's report-totals interceptor writes the <see cref="Tallies.Difference"/> of every save).
/// </summary>
public static class TallyStore
{
    /// <summary>
    /// Replaces every stored total with the totals of the tickets now in the database, one row per key. For a
    /// database written around the application (the demo seeder's bulk insert, a restore) and the first start after
    /// the totals were introduced. Reads the tickets as a stream; only the totals are held.
    /// </summary>
    public static async Task<int> RebuildAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.ReportTallies.ExecuteDeleteAsync(cancellationToken);
        var rows = await SumAsync(db, cancellationToken);
        await InsertAsync(db, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>The totals of the tickets now in the database, one row per key (not saved). Reads the tickets as a stream.</summary>
    public static async Task<List<ReportTally>> SumAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<Tallies.TallyKey, Tallies.TallyCounts>();
        await foreach (var ticket in Tallies.Snapshots(db.Tickets).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var (key, counts) in Tallies.Contributions(ticket))
            {
                sums[key] = sums.GetValueOrDefault(key) + counts;
            }
        }

        return sums.Select(sum => Tallies.Row(sum.Key, sum.Value)).ToList();
    }

    /// <summary>
    /// Folds the rows of every month that has more than one row for a key into one row per key, dropping keys that
    /// sum to nothing. Rows written while it runs have higher ids and are left for the next run. Returns the rows removed.
    /// </summary>
    public static async Task<int> CompactAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var upTo = await db.ReportTallies.MaxAsync(t => (long?)t.Id, cancellationToken);
        if (upTo is null)
        {
            return 0;
        }

        var months = await db.ReportTallies.Where(t => t.Id <= upTo)
            .GroupBy(t => new { t.Kind, t.Month, t.Day, t.ErrorCode, t.Channel, t.AssigneeId, t.Key, t.Key2, t.Number })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.Month)
            .Distinct()
            .ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var month in months)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var rows = db.ReportTallies.Where(t => t.Month == month && t.Id <= upTo);
            var sums = await rows
                .GroupBy(t => new { t.Kind, t.Month, t.Day, t.ErrorCode, t.Channel, t.AssigneeId, t.Key, t.Key2, t.Number })
                .Select(g => new { g.Key, Tickets = g.Sum(t => t.Tickets), Open = g.Sum(t => t.Open), Confirmed = g.Sum(t => t.Confirmed) })
                .ToListAsync(cancellationToken);
            var deleted = await rows.ExecuteDeleteAsync(cancellationToken);
            var kept = sums.Where(s => s.Tickets != 0 || s.Open != 0 || s.Confirmed != 0)
                .Select(s => Tallies.Row(new Tallies.TallyKey(s.Key.Kind, s.Key.Month, s.Key.ErrorCode, s.Key.Channel, s.Key.AssigneeId, s.Key.Key, s.Key.Key2, s.Key.Number, s.Key.Day), new Tallies.TallyCounts(s.Tickets, s.Open, s.Confirmed)))
                .ToList();
            await InsertAsync(db, kept, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            removed += deleted - kept.Count;
        }

        return removed;
    }

    private static async Task InsertAsync(IAppDbContext db, List<ReportTally> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(5000))
        {
            db.ReportTallies.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ClearTracked();
        }
    }
}
