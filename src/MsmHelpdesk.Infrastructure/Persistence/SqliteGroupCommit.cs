using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// Group commit for SQLite (decision record 0205): short writes that wait at the same moment share one
/// <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c>, so the WAL pages, the fsync and FTS5's per-commit segment flush are paid once
/// per group instead of once per write. There is no timer: a write that finds the writer idle starts a group at once
/// (a lone request is not slowed); those that arrive while a group runs form the next one, in arrival order, at most
/// <see cref="MaxGroup"/>. Each write runs in its own savepoint on the writer's context: one that throws, or returns
/// without committing the transaction it began, is rolled back alone. Nobody is answered before the COMMIT returns
/// (<c>synchronous = FULL</c>: acknowledged is durable); a failed COMMIT fails every write of its group.
/// </summary>
public sealed class SqliteGroupCommit(IDbContextFactory<HelpdeskDbContext> contexts)
{
    public const int MaxGroup = 32;
    internal const string Savepoint = "group_write";

    private static readonly AsyncLocal<GroupWrite?> Running = new();
    private readonly ConcurrentQueue<GroupWrite> _queue = new();
    private int _draining;
    private long _groups;
    private long _writes;

    /// <summary>Groups committed so far (or rolled back by a failed COMMIT).</summary>
    public long Groups => Interlocked.Read(ref _groups);

    /// <summary>Writes those groups held.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Writes queued for the next group.</summary>
    public int Waiting => _queue.Count;

    /// <summary>
    /// Queues the write. When no group is running, the caller runs the group itself, at once, on its own thread and on
    /// <paramref name="caller"/> (usually a group of one: no hand-off to another thread, no second context); writes that
    /// arrive meanwhile are run by a background drain, which holds one context and connection while writes keep coming.
    /// </summary>
    public async Task<T> WriteAsync<T>(HelpdeskDbContext caller, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new GroupWrite<T>(work, cancellationToken);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            try
            {
                var group = Take();
                if (group.Count > 0)
                {
                    await RunGroupAsync(caller, group);
                }
            }
            finally
            {
                HandOff();
            }
        }

        return await write.Answer;
    }

    /// <summary>Marks the flow a group write's work runs in (set inside that flow only).</summary>
    internal static void Mark(GroupWrite write) => Running.Value = write;

    /// <summary>The group write running on this context's database in this flow, if any (for <see cref="AppTransaction"/>).</summary>
    internal static GroupWrite? RunningOn(DatabaseFacade database) =>
        Running.Value is { } write && ReferenceEquals(write.Context?.Database, database) ? write : null;

    /// <summary>Lets go of the writer's turn; writes queued meanwhile are taken by a background drain.</summary>
    private void HandOff()
    {
        Volatile.Write(ref _draining, 0);
        // A write queued before the flag was cleared found it set and did not start anything: start for it.
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // The drain runs in no request's flow; each write's work runs in its own caller's (see GroupWrite.RunAsync).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }
    }

    private async Task DrainAsync()
    {
        HelpdeskDbContext? db = null;
        try
        {
            for (var group = Take(); group.Count > 0; group = Take())
            {
                try
                {
                    if (db is null)
                    {
                        db = await contexts.CreateDbContextAsync(CancellationToken.None);
                        // Held open while writes keep coming, so the writer's page cache survives from one group to the next.
                        await db.Database.OpenConnectionAsync(CancellationToken.None);
                    }
                }
                catch (Exception failure)
                {
                    Reply(group, failure);
                    continue;
                }

                if (!await RunGroupAsync(db, group))
                {
                    await db.DisposeAsync();
                    db = null;
                }
            }
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }

            HandOff();
        }
    }

    private List<GroupWrite> Take()
    {
        var group = new List<GroupWrite>(Math.Min(MaxGroup, Math.Max(1, _queue.Count)));
        while (group.Count < MaxGroup && _queue.TryDequeue(out var write))
        {
            if (write.Cancellation.IsCancellationRequested)
            {
                write.Cancel();
            }
            else
            {
                group.Add(write);
            }
        }

        return group;
    }

    /// <summary>Runs one group in one transaction on <paramref name="db"/>, then answers its writes; false when it failed as a whole.</summary>
    private async Task<bool> RunGroupAsync(HelpdeskDbContext db, List<GroupWrite> group)
    {
        try
        {
            await using (var transaction = await AppTransaction.BeginAsync(db.Database, CancellationToken.None))
            {
                var shared = db.Database.CurrentTransaction!;
                foreach (var write in group)
                {
                    await shared.CreateSavepointAsync(Savepoint, CancellationToken.None);
                    write.Context = db;
                    try
                    {
                        await write.RunAsync(db);
                    }
                    finally
                    {
                        write.Context = null;
                    }

                    if (!write.Kept)
                    {
                        await shared.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                    }

                    await shared.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                    // What one write tracked must not be saved by the next one's SaveChanges.
                    db.ChangeTracker.Clear();
                }

                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        catch (Exception failure)
        {
            // Beginning, a savepoint or the COMMIT failed: nothing of the group is stored, every write of it hears so.
            Reply(group, failure);
            return false;
        }

        Reply(group, null);
        return true;
    }

    private void Reply(List<GroupWrite> group, Exception? failure)
    {
        Interlocked.Increment(ref _groups);
        Interlocked.Add(ref _writes, group.Count);
        foreach (var write in group)
        {
            write.Reply(failure);
        }
    }
}

/// <summary>One write waiting for, or running in, a group.</summary>
internal abstract class GroupWrite(CancellationToken cancellation)
{
    /// <summary>The caller's flow (its logging scope, activity, HTTP context), in which its work runs on the writer's thread.</summary>
    private readonly ExecutionContext? _flow = ExecutionContext.Capture();

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The writer's context while this write runs.</summary>
    public HelpdeskDbContext? Context { get; set; }

    /// <summary>Set when the write committed the transaction it began (its savepoint is then released, not rolled back).</summary>
    public bool Committed { get; set; }

    public abstract bool Kept { get; }

    /// <summary>Runs the work in its caller's flow, marked as this group write (for <see cref="AppTransaction"/>).</summary>
    public Task RunAsync(HelpdeskDbContext db)
    {
        if (_flow is null)
        {
            return Start(db);
        }

        Task? running = null;
        ExecutionContext.Run(_flow, _ => running = Start(db), null);
        return running!;
    }

    private Task Start(HelpdeskDbContext db)
    {
        SqliteGroupCommit.Mark(this);
        return RunWorkAsync(db);
    }

    protected abstract Task RunWorkAsync(HelpdeskDbContext db);

    /// <summary>Hands the write's own result or failure back, or <paramref name="groupFailure"/> when the group was not stored.</summary>
    public abstract void Reply(Exception? groupFailure);

    public abstract void Cancel();

    /// <summary>Undoes this write's statements now (its savepoint stays open until the writer releases it).</summary>
    public async Task RollBackAsync(CancellationToken cancellationToken)
    {
        Committed = false;
        await Context!.Database.CurrentTransaction!.RollbackToSavepointAsync(SqliteGroupCommit.Savepoint, cancellationToken);
    }
}

internal sealed class GroupWrite<T>(Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellation) : GroupWrite(cancellation)
{
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _failure;

    public Task<T> Answer => _answer.Task;

    public override bool Kept => Committed && _failure is null;

    protected override async Task RunWorkAsync(HelpdeskDbContext db)
    {
        try
        {
            _result = await work(db, Cancellation);
        }
        catch (Exception failure)
        {
            _failure = failure;
        }
    }

    public override void Reply(Exception? groupFailure)
    {
        if ((groupFailure ?? _failure) is { } failure)
        {
            _answer.TrySetException(failure);
        }
        else
        {
            _answer.TrySetResult(_result!);
        }
    }

    public override void Cancel() => _answer.TrySetCanceled(Cancellation);
}
