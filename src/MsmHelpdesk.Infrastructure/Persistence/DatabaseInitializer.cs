using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Reports.Totals;

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

        await BuildReportTalliesOnceAsync(db, services.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite
            && await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(cancellationToken) == 0
            && await db.Tickets.CountAsync(cancellationToken) >= StatisticsFromTickets)
        {
            // A database with tickets but no statistics (from before they were kept); the nightly upkeep refreshes
            // them. Never on an almost empty one: statistics saying "two rows" make SQLite scan tables that then grow
            // (the full-text index's own tables slowed the demo seeder to a crawl).
            await db.RefreshQueryStatisticsAsync(cancellationToken);
        }
    }

    /// <summary>How many tickets make statistics worth gathering at start-up.</summary>
    public const int StatisticsFromTickets = 10_000;

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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TallyStore.RebuildAsync(db, cancellationToken);
        db.SystemFlags.Add(new SystemFlag { Key = SystemFlag.ReportTalliesBuilt, SetAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
