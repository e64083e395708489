using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MsmHelpdesk.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations; for SQLite also switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var factory = services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // SQL Server: whether ticket search can use the full-text index is decided here, once (decision 0181).
        await services.GetRequiredService<SqlServerTicketFullText>().IsAvailableAsync(db, cancellationToken);
        await BuildReportTalliesOnceAsync(db, services.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
        // Query statistics at every start, whatever the size (and hourly by the query-statistics job): without them a
        // young database sorts every open ticket for the agents' queues. Bounded, so cheap at a million tickets.
        await db.OptimizeQueryStatisticsAsync(cancellationToken);
    }

    /// <summary>
    /// The report totals start from the tickets already there: the first start after they were introduced builds them
    /// (every later ticket save keeps them), and records that it did, in the same transaction.
    /// </summary>
    private static async Task BuildReportTalliesOnceAsync(HelpdeskDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.SystemFlags.AnyAsync(flag => flag.Key == SystemFlag.ReportTalliesBuilt, cancellationToken))
        {
            return;
        }

        // In bulk (day and month rows of a million tickets are a few million rows, too many for change tracking). The
        // flag is saved after the rebuild's commit: a start that stops between the two rebuilds again, which is harmless.
        await ReportTotals.TotalsRebuild.RebuildAsync(db, portable: false, cancellationToken);
        db.SystemFlags.Add(new SystemFlag { Key = SystemFlag.ReportTalliesBuilt, SetAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
