using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// A transaction begun on a context, or none when the context already had one: then the code that began that one
/// commits or rolls back, and committing or disposing this does nothing. On SQLite it is a write transaction
/// (<c>BEGIN IMMEDIATE</c>) entered through <see cref="SqliteWriteGate"/>, so this process's writers take turns in
/// order instead of polling SQLite's lock. Begun by a write of a SQLite group (<see cref="SqliteGroupCommit"/>), it is that
/// write's part of the group's transaction: committing keeps the write's savepoint, rolling back undoes it now.
/// </summary>
public sealed class AppTransaction : IAppTransaction
{
    private readonly IDbContextTransaction? _owned;
    private readonly GroupWrite? _write;
    private IDisposable? _turn;

    private AppTransaction(IDbContextTransaction? owned, IDisposable? turn, GroupWrite? write = null)
    {
        _owned = owned;
        _turn = turn;
        _write = write;
    }

    public static async Task<AppTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is not null)
        {
            return new AppTransaction(null, null, SqliteGroupCommit.RunningOn(database));
        }

        var turn = database.IsSqlite() ? await SqliteWriteGate.For(database.GetConnectionString()).EnterAsync(cancellationToken) : null;
        try
        {
            // Microsoft.Data.Sqlite begins a serializable transaction with BEGIN IMMEDIATE: the write lock is taken now.
            return new AppTransaction(await database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_owned is not null)
        {
            await _owned.CommitAsync(cancellationToken);
            LeaveGate();
        }
        else if (_write is not null)
        {
            _write.Committed = true;
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_owned is not null)
        {
            await _owned.RollbackAsync(cancellationToken);
            LeaveGate();
        }
        else if (_write is not null)
        {
            await _write.RollBackAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        LeaveGate();
    }

    private void LeaveGate() => Interlocked.Exchange(ref _turn, null)?.Dispose();
}

/// <summary>
/// One writer at a time per SQLite database in this process, in arrival order. Without it, concurrent writers all
/// start, find the write lock taken and sleep in SQLite's busy handler for growing intervals (1–100 ms), which is what
/// made p95 six times p50 at 8 connections. Decision record 0160.
/// </summary>
public sealed class SqliteWriteGate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public static SqliteWriteGate For(string? connectionString) => Gates.GetOrAdd(connectionString ?? "", _ => new SqliteWriteGate());

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Turn(_semaphore);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
