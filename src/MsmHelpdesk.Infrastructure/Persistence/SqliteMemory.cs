using Microsoft.Data.Sqlite;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>Gives back what idle SQLite connections hold: each pooled connection's page cache and its map of the database file.</summary>
public static class SqliteMemory
{
    /// <summary>
    /// Closes the pooled connections (one in use is closed when it is returned); the next query opens a new one and
    /// <see cref="SqliteConnectionSetup"/> sets it up again.
    /// </summary>
    public static void ReleaseIdleConnections() => SqliteConnection.ClearAllPools();
}
