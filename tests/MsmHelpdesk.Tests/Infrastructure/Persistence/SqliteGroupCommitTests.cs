using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// SQLite's group commit (decision record 0205): writes waiting at the same moment share one transaction and one COMMIT,
/// each in its own savepoint. A write that holds the writer (its work waits on the test) makes the others queue, so the
/// groups here are formed on purpose, not by timing luck.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ShouldStoreCreationsThatWaitedTogetherInOneCommitWithConsecutiveNumbers()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var (databases, groups) = Writer(app);
        const int Creations = 8;

        await using (var hold = await HoldAsync(databases))
        {
            var before = (groups.Groups, groups.Writes);
            var creations = Enumerable.Range(0, Creations).Select(i => Task.Run(() => app.SendAsync(budi,
                new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = $"upload faktur {i}" }))).ToArray();
            await WaitForAsync(() => groups.Waiting == Creations);
            hold.Release();
            var results = await Task.WhenAll(creations).WaitAsync(Patience);

            Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.Message));
            var numbers = results.Select(result => int.Parse(result.Value.Number[(result.Value.Number.LastIndexOf('-') + 1)..])).Order();
            Assert.Equal(Enumerable.Range(1, Creations), numbers);
            // The holder's group of one, then the eight creations in one group.
            Assert.Equal((before.Groups + 2, before.Writes + 1 + Creations), (groups.Groups, groups.Writes));
        }

        Assert.Equal(Creations, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(Creations, await app.QueryDbAsync(db => db.TimelineEntries.Select(e => e.TicketId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task ShouldRollBackOnlyTheWriteThatFailsInItsGroup()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var (databases, groups) = Writer(app);
        await using var caller = await databases.CreateAsync();

        await using var hold = await HoldAsync(databases);
        var first = Task.Run(() => app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = "pertama" }));
        await WaitForAsync(() => groups.Waiting == 1);
        // Takes the next number, then breaks a constraint: its number and its row must go, nothing else.
        var failing = databases.WriteAsync(caller, async (db, ct) =>
        {
            await using var transaction = await db.BeginTransactionAsync(ct);
            await db.NextTicketSequenceAsync(MsmHelpdesk.Domain.Time.Wib.ToWib(DateTimeOffset.UtcNow).Year, ct);
            await ((HelpdeskDbContext)db).Database.ExecuteSqlRawAsync("INSERT INTO \"TicketSequences\" (\"Year\", \"LastValue\") VALUES (1999, 1)", ct);
            await ((HelpdeskDbContext)db).Database.ExecuteSqlRawAsync("INSERT INTO \"TicketSequences\" (\"Year\", \"LastValue\") VALUES (1999, 2)", ct);
            await transaction.CommitAsync(ct);
            return 0;
        }, CancellationToken.None);
        // Writes, then returns without committing (as a refused request does): undone alone, its answer still handed back.
        var uncommitted = databases.WriteAsync(caller, async (db, ct) =>
        {
            await using var transaction = await db.BeginTransactionAsync(ct);
            await ((HelpdeskDbContext)db).Database.ExecuteSqlRawAsync("INSERT INTO \"TicketSequences\" (\"Year\", \"LastValue\") VALUES (1998, 1)", ct);
            return "refused";
        }, CancellationToken.None);
        var last = Task.Run(() => app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = "terakhir" }));
        await WaitForAsync(() => groups.Waiting == 4);
        var groupsBefore = groups.Groups;
        hold.Release();

        var firstResult = await first.WaitAsync(Patience);
        var lastResult = await last.WaitAsync(Patience);
        await Assert.ThrowsAsync<SqliteException>(() => failing.WaitAsync(Patience));
        Assert.Equal("refused", await uncommitted.WaitAsync(Patience));
        Assert.True(firstResult.IsSuccess, firstResult.Error?.Message);
        Assert.True(lastResult.IsSuccess, lastResult.Error?.Message);
        Assert.EndsWith("-000001", firstResult.Value.Number, StringComparison.Ordinal);
        Assert.EndsWith("-000002", lastResult.Value.Number, StringComparison.Ordinal);
        Assert.Equal(groupsBefore + 2, groups.Groups); // the holder's group, then one group of four
        Assert.Equal(2, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await app.QueryDbAsync(db => db.TicketSequences.CountAsync(s => s.Year == 1999 || s.Year == 1998)));
    }

    [Fact]
    public async Task ShouldAnswerEveryWriteOfTheGroupWithTheCommitsFailureAndStoreNone()
    {
        var commits = new FailingCommit();
        await using var app = await TestApp.StartAsync(interceptor: commits);
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var (databases, groups) = Writer(app);

        await using var caller = await databases.CreateAsync();
        Task<MsmHelpdesk.Application.Common.Results.Result<TicketCreated>>[] creations;
        Task<int> direct;
        await using (var hold = await HoldAsync(databases))
        {
            creations = Enumerable.Range(0, 3).Select(i => Task.Run(() => app.SendAsync(budi,
                new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = $"upload faktur {i}" }))).ToArray();
            await WaitForAsync(() => groups.Waiting == 3);
            // A write sent to the writer directly (no pipeline between): it gets the COMMIT's failure itself.
            direct = databases.WriteAsync(caller, async (db, ct) =>
            {
                await using var transaction = await db.BeginTransactionAsync(ct);
                await ((HelpdeskDbContext)db).Database.ExecuteSqlRawAsync("INSERT INTO \"TicketSequences\" (\"Year\", \"LastValue\") VALUES (1999, 1)", ct);
                await transaction.CommitAsync(ct);
                return 1;
            }, CancellationToken.None);
            commits.FailAfter(1); // the holder's commit goes through; the next one, the creations' group, fails
            hold.Release();
        }

        // The pipeline's logging behaviour turns the thrown failure into the unexpected-error answer each caller gets.
        foreach (var creation in creations)
        {
            var answer = await creation.WaitAsync(Patience);
            Assert.False(answer.IsSuccess);
            Assert.Equal(MsmHelpdesk.Application.Common.Results.Error.Unexpected().Code, answer.Error!.Code);
        }

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => direct.WaitAsync(Patience));
        Assert.Equal(FailingCommit.Message, thrown.Message);

        Assert.Equal(0, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await app.QueryDbAsync(db => db.TimelineEntries.CountAsync()));
        Assert.Equal(0, await app.QueryDbAsync(db => db.TicketSequences.CountAsync(s => s.Year == 1999)));
        // No number was used up: the next creation, alone, gets the first.
        var next = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = "lagi" });
        Assert.True(next.IsSuccess, next.Error?.Message);
        Assert.EndsWith("-000001", next.Value.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldCommitALoneWriteAtOnceAndGroupThoseThatArriveWhileItRuns()
    {
        await using var app = await TestApp.StartAsync();
        var (databases, groups) = Writer(app);
        await using var caller = await databases.CreateAsync();
        var (groupsBefore, writesBefore) = (groups.Groups, groups.Writes);

        // A lone write: nobody else queued and nobody waited for; it is its own group, run by its caller on the caller's
        // context (no hand-off to the background writer).
        Assert.Same(caller, await databases.WriteAsync(caller, (writer, _) => Task.FromResult(writer), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal((groupsBefore + 1, writesBefore + 1), (groups.Groups, groups.Writes));

        // Forty arrive while a write runs: they are answered in groups of at most 32, in their order of arrival.
        var order = new List<int>();
        Task<int>[] writes;
        await using (var hold = await HoldAsync(databases))
        {
            writes = Enumerable.Range(0, 40).Select(i => databases.WriteAsync(caller, (_, _) =>
            {
                order.Add(i);
                return Task.FromResult(i);
            }, CancellationToken.None)).ToArray();
            Assert.Equal(40, groups.Waiting);
            hold.Release();
            await Task.WhenAll(writes).WaitAsync(Patience);
        }

        Assert.Equal(Enumerable.Range(0, 40), order);
        Assert.Equal((groupsBefore + 4, writesBefore + 42), (groups.Groups, groups.Writes)); // lone, holder, 32, 8
    }

    [Fact]
    public async Task ShouldRunEachWriteInItsCallersFlow()
    {
        await using var app = await TestApp.StartAsync();
        var (databases, groups) = Writer(app);
        await using var other = await databases.CreateAsync();
        var flow = new AsyncLocal<string>();

        // The writer's thread belongs to no request: each work sees its own caller's flow (logging scope, HTTP context).
        Task<string>[] writes;
        await using (var hold = await HoldAsync(databases))
        {
            writes = new[] { "first", "second" }.Select(name =>
            {
                flow.Value = name;
                return databases.WriteAsync(other, (_, _) => Task.FromResult(flow.Value ?? "none"), CancellationToken.None);
            }).ToArray();
            flow.Value = "test";
            Assert.Equal(2, groups.Waiting);
        }

        Assert.Equal(new[] { "first", "second" }, await Task.WhenAll(writes).WaitAsync(Patience));
    }

    [Fact]
    public async Task ShouldRunTheWorkOnTheCallersContextWhenItIsAlreadyInATransaction()
    {
        await using var app = await TestApp.StartAsync();
        var (databases, groups) = Writer(app);
        await using var db = await databases.CreateAsync();
        await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
        var groupsBefore = groups.Groups;

        var used = await databases.WriteAsync(db, (writer, _) => Task.FromResult(writer), CancellationToken.None);

        Assert.Same(db, used);
        Assert.Equal(groupsBefore, groups.Groups);
    }

    private static (IAppDbContextFactory Databases, SqliteGroupCommit Groups) Writer(TestApp app)
    {
        var databases = app.Services.GetRequiredService<IAppDbContextFactory>();
        return (databases, Assert.IsType<AppDbContextFactory>(databases).Groups!);
    }

    /// <summary>
    /// Starts a write whose work waits until released, so writes sent meanwhile queue for the next group. It runs on its
    /// own context (the writer was idle): writes sent meanwhile pass another context, one not in a transaction.
    /// </summary>
    private static async Task<Hold> HoldAsync(IAppDbContextFactory databases)
    {
        var caller = await databases.CreateAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = databases.WriteAsync(caller, async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            return true;
        }, CancellationToken.None);
        await started.Task.WaitAsync(Patience);
        return new Hold(caller, release, write);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the writes did not queue in time");
            await Task.Delay(10);
        }
    }

    private sealed class Hold(IAppDbContext caller, TaskCompletionSource release, Task<bool> write) : IAsyncDisposable
    {
        public void Release() => release.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            Release();
            Assert.True(await write.WaitAsync(Patience));
            await caller.DisposeAsync();
        }
    }

    /// <summary>Fails the COMMIT after a given number of commits have gone through, as a full disk or an I/O error would.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public const string Message = "disk I/O error (test)";
        private int _left = -1;

        public void FailAfter(int commits) => Volatile.Write(ref _left, commits);

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Interlocked.Decrement(ref _left) == -1 ? throw new InvalidOperationException(Message) : ValueTask.FromResult(result);

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            Interlocked.Decrement(ref _left) == -1 ? throw new InvalidOperationException(Message) : result;
    }
}
