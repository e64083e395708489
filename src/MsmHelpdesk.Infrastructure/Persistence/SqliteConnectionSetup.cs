using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for a busy database (it retries every few milliseconds) instead of failing at
/// once and being retried by the driver after a long pause: concurrent writers queue up evenly.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Setup = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Setup;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Setup;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
