using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// The one writer of a SQLite database in this process (decision record 0164, after 0160's gate). Writers queue here
/// in arrival order; a loop opens one <c>BEGIN IMMEDIATE</c> transaction and gives each waiting writer its turn on
/// that connection under a savepoint of its own: a writer that commits keeps its savepoint, one that rolls back (a
/// refused request, a failed save) undoes only its own. When nobody else is waiting, the loop commits once and then
/// tells every writer of the batch, so concurrent requests share one fsync (<c>synchronous = FULL</c> stays:
/// acknowledged means durable). A failed commit fails every writer of its batch, since none of them is on disk.
/// </summary>
public sealed class SqliteGroupCommit
{
    /// <summary>Writers per transaction at most, so the first of a long stream is not kept waiting for its commit.</summary>
    public const int MaxBatch = 64;

    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> Writers = new(StringComparer.Ordinal);
    private readonly Channel<Turn> _waiting = Channel.CreateUnbounded<Turn>();
    private readonly DbContextOptions<HelpdeskDbContext> _options;
    private readonly string _connectionString;
    private long _commits;

    private SqliteGroupCommit(DbContextOptions<HelpdeskDbContext> options, string connectionString)
    {
        _options = options;
        _connectionString = connectionString;
        _ = Task.Run(RunAsync);
    }

    /// <summary>The writer of the context's database (one per connection string in the process).</summary>
    public static SqliteGroupCommit For(DatabaseFacade database)
    {
        var connectionString = database.GetConnectionString() ?? "";
        return Writers.TryGetValue(connectionString, out var writer)
            ? writer
            : Writers.GetOrAdd(connectionString, _ => new SqliteGroupCommit(
                (DbContextOptions<HelpdeskDbContext>)database.GetService<IDbContextOptions>(), connectionString));
    }

    /// <summary>Transactions committed so far (each holding one or more writers' work).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writers queued and not yet started.</summary>
    public int Waiting => _waiting.Reader.Count;

    /// <summary>Waits for a turn inside a batch transaction; the turn's connection and transaction are the writer's.</summary>
    public Task<Turn> EnterAsync(CancellationToken cancellationToken) => QueueAsync(new Turn(alone: false), cancellationToken);

    /// <summary>Waits until no batch is open and nobody else writes, for a context that writes on its own open connection.</summary>
    public Task<Turn> EnterAloneAsync(CancellationToken cancellationToken) => QueueAsync(new Turn(alone: true), cancellationToken);

    private async Task<Turn> QueueAsync(Turn turn, CancellationToken cancellationToken)
    {
        _waiting.Writer.TryWrite(turn);
        await using (cancellationToken.Register(() => turn.Abandon(cancellationToken)))
        {
            return await turn.Started;
        }
    }

    private async Task RunAsync()
    {
        var reader = _waiting.Reader;
        Turn? next = null;
        while (next is not null || await reader.WaitToReadAsync())
        {
            if (next is null && !reader.TryRead(out next))
            {
                continue;
            }

            if (next.Alone)
            {
                if (next.TryStart(null, null))
                {
                    await next.Ended;
                }

                next = null;
                continue;
            }

            next = await RunBatchAsync(next, reader);
        }
    }

    /// <summary>One transaction for <paramref name="first"/> and whoever waits behind it; returns a writer that must go alone, if one stopped the batch.</summary>
    private async Task<Turn?> RunBatchAsync(Turn first, ChannelReader<Turn> reader)
    {
        var kept = new List<Turn>();
        Turn? next = first;
        try
        {
            await using var context = new HelpdeskDbContext(_options);
            context.Database.SetConnectionString(_connectionString);
            await context.Database.OpenConnectionAsync();
            await using var transaction = await context.Database.BeginTransactionAsync();
            var connection = context.Database.GetDbConnection();
            var batch = transaction.GetDbTransaction();
            for (var savepoint = 0; next is not null; savepoint++)
            {
                if (next.Alone)
                {
                    break;
                }

                var name = "w" + savepoint;
                await batch.SaveAsync(name);
                var keep = next.TryStart(connection, batch) && await next.Ended;
                if (keep)
                {
                    kept.Add(next);
                    await batch.ReleaseAsync(name);
                }
                else
                {
                    await batch.RollbackAsync(name);
                    await batch.ReleaseAsync(name);
                }

                next = kept.Count < MaxBatch && reader.TryRead(out var waiting) ? waiting : null;
            }

            if (kept.Count > 0)
            {
                await transaction.CommitAsync();
                Interlocked.Increment(ref _commits);
            }

            foreach (var turn in kept)
            {
                turn.Commit(null);
            }
        }
        catch (Exception failure)
        {
            foreach (var turn in kept)
            {
                turn.Commit(failure);
            }

            // A writer that had not started (the transaction could not begin) is told so; one that had has ended already.
            if (next is not null && !next.Alone && next.Fail(failure))
            {
                next = null;
            }
            else if (next is not null && next.Started.IsCompleted)
            {
                next = null;
            }
        }

        return next;
    }

    /// <summary>One writer's place in the queue: started by the loop, ended by the writer, committed by the loop.</summary>
    public sealed class Turn
    {
        private readonly TaskCompletionSource<Turn> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Turn(bool alone) => Alone = alone;

        internal bool Alone { get; }

        /// <summary>The writer's connection, open, with the batch transaction begun (null for a writer alone).</summary>
        public DbConnection? Connection { get; private set; }

        public DbTransaction? Transaction { get; private set; }

        internal Task<Turn> Started => _started.Task;

        internal Task<bool> Ended => _ended.Task;

        /// <summary>Completes when the batch that kept this turn's writes is committed; faults when its commit failed.</summary>
        public Task Committed => _committed.Task;

        /// <summary>Ends the turn: <paramref name="keep"/> keeps its writes in the batch, otherwise they are undone. Only the first call counts.</summary>
        public void End(bool keep) => _ended.TrySetResult(keep);

        internal bool TryStart(DbConnection? connection, DbTransaction? transaction)
        {
            Connection = connection;
            Transaction = transaction;
            return _started.TrySetResult(this);
        }

        /// <summary>A writer that stopped waiting (its request was cancelled) is skipped; one already started ends as usual.</summary>
        internal void Abandon(CancellationToken cancellationToken) => _started.TrySetCanceled(cancellationToken);

        internal bool Fail(Exception failure) => _started.TrySetException(failure);

        internal void Commit(Exception? failure)
        {
            if (failure is null)
            {
                _committed.TrySetResult();
            }
            else
            {
                _committed.TrySetException(failure);
            }
        }
    }
}
