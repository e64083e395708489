using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// A transaction begun on a context, or none when the context already had one: then the code that began that one
/// commits or rolls back, and committing or disposing this does nothing. On SQLite it is a turn in the database's
/// <see cref="SqliteGroupCommit"/>: the context writes on the writer's connection inside the batch's transaction
/// (under a savepoint of its own), and committing waits until the batch is on disk.
/// </summary>
public sealed class AppTransaction : IAppTransaction
{
    private readonly IDbContextTransaction? _owned;
    private readonly DatabaseFacade? _database;
    private readonly string? _connectionString;
    private SqliteGroupCommit.Turn? _turn;

    private AppTransaction(IDbContextTransaction? owned, SqliteGroupCommit.Turn? turn, DatabaseFacade? database = null, string? connectionString = null)
    {
        _owned = owned;
        _turn = turn;
        _database = database;
        _connectionString = connectionString;
    }

    public static async Task<AppTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is not null)
        {
            return new AppTransaction(null, null);
        }

        if (!database.IsSqlite())
        {
            return new AppTransaction(await database.BeginTransactionAsync(cancellationToken), null);
        }

        var writer = SqliteGroupCommit.For(database);
        if (database.GetDbConnection().State == ConnectionState.Open)
        {
            // A context that holds its own connection open (the demo seeder's bulk path) writes on it, alone in the queue.
            var alone = await writer.EnterAloneAsync(cancellationToken);
            try
            {
                // Microsoft.Data.Sqlite begins a serializable transaction with BEGIN IMMEDIATE: the write lock is taken now.
                return new AppTransaction(await database.BeginTransactionAsync(cancellationToken), alone);
            }
            catch
            {
                alone.End(keep: false);
                throw;
            }
        }

        var connectionString = database.GetConnectionString()!;
        var turn = await writer.EnterAsync(cancellationToken);
        try
        {
            database.SetDbConnection(turn.Connection, contextOwnsConnection: false);
            await database.UseTransactionAsync(turn.Transaction, cancellationToken);
            return new AppTransaction(null, turn, database, connectionString);
        }
        catch
        {
            await GiveBackAsync(database, connectionString);
            turn.End(keep: false);
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_owned is not null)
        {
            await _owned.CommitAsync(cancellationToken);
            Interlocked.Exchange(ref _turn, null)?.End(keep: true);
        }
        else if (Interlocked.Exchange(ref _turn, null) is { } turn)
        {
            await GiveBackAsync(_database!, _connectionString!);
            turn.End(keep: true);
            // Acknowledged means durable: the caller goes on once the batch holding these writes is committed (fsync).
            await turn.Committed;
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_owned is not null)
        {
            await _owned.RollbackAsync(cancellationToken);
            Interlocked.Exchange(ref _turn, null)?.End(keep: false);
        }
        else
        {
            await UndoTurnAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
            Interlocked.Exchange(ref _turn, null)?.End(keep: false);
        }
        else
        {
            await UndoTurnAsync();
        }
    }

    private async Task UndoTurnAsync()
    {
        if (Interlocked.Exchange(ref _turn, null) is { } turn)
        {
            await GiveBackAsync(_database!, _connectionString!);
            turn.End(keep: false);
        }
    }

    /// <summary>The context leaves the writer's connection and gets one of its own again (from the pool), before the writer goes on.</summary>
    private static async Task GiveBackAsync(DatabaseFacade database, string connectionString)
    {
        await database.UseTransactionAsync(null);
        database.SetDbConnection(new SqliteConnection(connectionString), contextOwnsConnection: true);
    }
}
