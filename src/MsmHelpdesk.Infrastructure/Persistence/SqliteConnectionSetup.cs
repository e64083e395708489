using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// Sets up each physical SQLite connection once (the pool hands the same one out again and again): a page cache sized for
/// the ticket tables (and a memory map only if configured, <see cref="SqliteTuning"/>), full durability (a commit is on disk before the request is answered) and a
/// busy timeout, so SQLite itself waits for a writer of another process (the CLI) instead of failing at once.
/// Writers of this process queue at <see cref="SqliteWriteGate"/> instead.
/// </summary>
public sealed class SqliteConnectionSetup(SqliteTuning tuning) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Prepared = [];
    private readonly string _setup = tuning.Pragmas();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _setup;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _setup;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this physical connection (its native handle) is seen.</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, Prepared);
}

/// <summary>
/// Per-connection sizes of the SQLite page cache and memory map and the WAL's checkpoint threshold (configurable, <see cref="ConfigKeys.SqliteCacheSizeMiB"/>
/// and <see cref="ConfigKeys.SqliteMmapSizeMiB"/>, <see cref="ConfigKeys.SqliteWalAutocheckpointPages"/>; decision records 0161, 0211). No map by default (decision record 0196): in WAL
/// mode a connection that begins a read after another connection's commit drops its page cache and unmaps the whole file,
/// so with several pooled connections and a map nearly every transaction unmapped, faulted the map back in page by page
/// and set up every b-tree page it touched again (~10 % of a created ticket's CPU at 8 connections). Without a map the
/// pages it reads stay in its page cache until the next such reset.
/// </summary>
public sealed record SqliteTuning(int CacheSizeMiB, int MmapSizeMiB, int WalAutocheckpointPages)
{
    /// <summary>
    /// 16 MiB of page cache, no map, and a checkpoint every 16,000 WAL pages (~64 MB) instead of SQLite's 1,000: a hot page
    /// (an index's last leaf, the search index's structure) is copied back once per checkpoint however often it was
    /// rewritten, and the copy and its two fsyncs come 16 times less often (decision record 0211).
    /// </summary>
    public static SqliteTuning Default { get; } = new(16, 0, 16_000);

    public static SqliteTuning From(Microsoft.Extensions.Configuration.IConfiguration configuration) => new(
        Read(configuration, ConfigKeys.SqliteCacheSizeMiB, Default.CacheSizeMiB),
        Read(configuration, ConfigKeys.SqliteMmapSizeMiB, Default.MmapSizeMiB),
        Read(configuration, ConfigKeys.SqliteWalAutocheckpointPages, Default.WalAutocheckpointPages));

    /// <summary>
    /// The statements run once on each new connection; a negative cache_size is in KiB. <c>temp_store = MEMORY</c> keeps
    /// a statement's journal in memory (decision record 0213): a statement inside a transaction of several, such as a new
    /// ticket's insert with its search-index triggers, records the pages it changes in case it must be undone alone, and
    /// past 64 KiB SQLite spilled that record to a temporary file it created, wrote and deleted for every ticket.
    /// </summary>
    public string Pragmas() => string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA cache_size = {-CacheSizeMiB * 1024}; PRAGMA mmap_size = {(long)MmapSizeMiB * 1024 * 1024}; PRAGMA wal_autocheckpoint = {WalAutocheckpointPages}; PRAGMA temp_store = MEMORY;");

    private static int Read(Microsoft.Extensions.Configuration.IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
