using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// What every pooled SQLite connection is set up with (decision records 0161 and 0196): full durability, a busy timeout, a
/// 16 MiB page cache and no memory map unless one is configured, the WAL's automatic checkpoint threshold (0211) and
/// statement journals in memory (0213: temp_store 2).
/// </summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task ShouldSetUpEachConnectionWithFullDurabilityAPageCacheAndNoMemoryMapByDefault()
    {
        await using var app = await TestApp.StartAsync();

        var pragmas = await app.QueryDbAsync(ReadPragmasAsync);

        Assert.Equal(new Pragmas(Synchronous: 2, BusyTimeout: 10_000, CacheSize: -16 * 1024, MmapSize: 0, WalAutocheckpoint: 16_000, TempStore: 2), pragmas);
    }

    [Fact]
    public async Task ShouldMapTheDatabaseFileAndCheckpointAsConfigured()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            [ConfigKeys.SqliteMmapSizeMiB] = "64",
            [ConfigKeys.SqliteCacheSizeMiB] = "8",
            [ConfigKeys.SqliteWalAutocheckpointPages] = "2000",
        });

        var pragmas = await app.QueryDbAsync(ReadPragmasAsync);

        Assert.Equal(new Pragmas(Synchronous: 2, BusyTimeout: 10_000, CacheSize: -8 * 1024, MmapSize: 64L * 1024 * 1024, WalAutocheckpoint: 2000, TempStore: 2), pragmas);
    }

    private static async Task<Pragmas> ReadPragmasAsync(Microsoft.EntityFrameworkCore.DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            return new Pragmas(
                await ScalarAsync(connection, "PRAGMA synchronous"),
                await ScalarAsync(connection, "PRAGMA busy_timeout"),
                await ScalarAsync(connection, "PRAGMA cache_size"),
                await ScalarAsync(connection, "PRAGMA mmap_size"),
                await ScalarAsync(connection, "PRAGMA wal_autocheckpoint"),
                await ScalarAsync(connection, "PRAGMA temp_store"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Pragmas(long Synchronous, long BusyTimeout, long CacheSize, long MmapSize, long WalAutocheckpoint, long TempStore);
}
