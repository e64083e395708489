using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Idempotency;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// Concurrent writers of one SQLite file share a transaction and its commit (decision record 0164), on a real file:
/// each keeps or undoes only its own writes, and ticket numbers stay unique.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task ShouldGiveConcurrentCreationsDistinctConsecutiveNumbers()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        const int Creations = 24;

        var results = await Task.WhenAll(Enumerable.Range(0, Creations).Select(i => Task.Run(() => app.SendAsync(budi,
            new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = $"upload faktur {i}" }))));

        Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.Message));
        var numbers = results.Select(result => result.Value.Number).ToArray();
        Assert.Equal(Creations, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Creations), numbers.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..])).Order());
        Assert.Equal(Creations, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
        // Their stored report totals count each of them once.
        Assert.Equal(Creations, await app.QueryDbAsync(db => db.ReportTallies.Where(t => t.Kind == TallyKind.Codes.Name).SumAsync(t => t.Tickets)));
    }

    [Fact]
    public async Task ShouldKeepTheBatchWhenOneCreationIsRefusedOnItsIdempotencyKey()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var claim = new IdempotencyClaim("test", "same-key", "hash");

        // Ten creations at once, two of them with the same key: one of those two is refused, the other nine are saved.
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => app.SendAsync(budi, new CreateTicketCommand
        {
            ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = $"upload faktur {i}", Idempotency = i < 2 ? claim : null,
        }))));

        var refused = Assert.Single(results, result => !result.IsSuccess);
        Assert.Equal(IdempotencyClaims.ReplayCode, refused.Error!.Code);
        var numbers = results.Where(result => result.IsSuccess).Select(result => result.Value.Number).ToArray();
        Assert.Equal(9, numbers.Distinct().Count());
        // The refused creation's number was given back with its savepoint: the nine are 1..9.
        Assert.Equal(Enumerable.Range(1, 9), numbers.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..])).Order());
        Assert.Equal(9, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(1, await app.QueryDbAsync(db => db.IdempotentRequests.CountAsync()));
    }

    [Fact]
    public async Task ShouldCommitWaitingWritersTogetherAndUndoOnlyTheOneWhoseSaveFailed()
    {
        await using var app = await TestApp.StartAsync();
        var databases = app.Services.GetRequiredService<IAppDbContextFactory>();
        var now = DateTimeOffset.UtcNow;
        await WriteKeyAsync(databases, "taken", now);
        var writer = await app.QueryDbAsync(db => Task.FromResult(SqliteGroupCommit.For(db.Database)));
        var commitsBefore = writer.Commits;

        // The first writer holds its turn until the others are queued behind it, so they all share one transaction.
        await using var first = await databases.CreateAsync();
        var firstTransaction = await first.BeginTransactionAsync(CancellationToken.None);
        first.IdempotentRequests.Add(IdempotentRequest.Start(new IdempotencyClaim("test", "first", "h"), Guid.NewGuid(), "T-1", now));
        await first.SaveChangesAsync();
        var others = Enumerable.Range(0, 8).Select(i => Task.Run(() => WriteKeyAsync(databases, i == 3 ? "taken" : $"other-{i}", now))).ToArray();
        while (writer.Waiting < others.Length)
        {
            await Task.Delay(5);
        }

        await firstTransaction.CommitAsync(CancellationToken.None);
        await firstTransaction.DisposeAsync();
        var outcomes = await Task.WhenAll(others.Select(async task =>
        {
            try
            {
                await task;
                return null;
            }
            catch (DbUpdateException failure)
            {
                return failure;
            }
        }));

        Assert.Single(outcomes, outcome => outcome is not null);
        var keys = await app.QueryDbAsync(db => db.IdempotentRequests.Select(r => r.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["first", .. Enumerable.Range(0, 8).Where(i => i != 3).Select(i => $"other-{i}"), "taken"], keys);
        // One commit for the first writer and the eight that waited behind it (the failed one undid only its own savepoint).
        Assert.Equal(1, writer.Commits - commitsBefore);
    }

    private static async Task WriteKeyAsync(IAppDbContextFactory databases, string key, DateTimeOffset now)
    {
        await using var db = await databases.CreateAsync();
        await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
        db.IdempotentRequests.Add(IdempotentRequest.Start(new IdempotencyClaim("test", key, "h"), Guid.NewGuid(), "T-1", now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync(CancellationToken.None);
    }
}
