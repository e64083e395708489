using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Infrastructure.DemoData;

namespace MsmHelpdesk.Infrastructure.Persistence.ReportTotals;

/// <summary>The stored totals rebuilt from the tickets in bulk: for the demo seeder and for the first start after <see cref="Tallies.Version"/> changes.</summary>
internal static class TotalsRebuild
{
    /// <summary>
    /// <see cref="TallyStore.RebuildAsync"/>, with the rows written by the bulk inserter (a million tickets make a few
    /// hundred thousand totals, too many for change tracking): the same sums, from the same stream of tickets.
    /// </summary>
    public static async Task<int> RebuildAsync(HelpdeskDbContext db, bool portable, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ReportTallies.ExecuteDeleteAsync(cancellationToken);
        var rows = await TallyStore.SumAsync(db, cancellationToken);
        await using (var inserter = BulkInserter.For(db, portable, db.Model.FindEntityType(typeof(ReportTally))!, TallyRows.Properties))
        {
            inserter.Use(transaction.GetDbTransaction());
            foreach (var row in rows)
            {
                await inserter.AddAsync(TallyRows.ValuesOf(row), cancellationToken);
            }

            await inserter.FlushAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

}
