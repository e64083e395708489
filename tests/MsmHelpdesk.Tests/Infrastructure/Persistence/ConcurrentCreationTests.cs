using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Idempotency;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// Concurrent creations on one SQLite file (writers queue at the write gate, decision record 0160): all succeed with
/// unique gap-free numbers, and one refused on its idempotency key does not fail the others.
/// </summary>
public sealed class ConcurrentCreationTests
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
        // Their stored report totals count each of them once in the month rows and once in the day rows.
        Assert.Equal(Creations, await app.QueryDbAsync(db => db.ReportTallies.Where(t => t.Kind == TallyKind.Codes.Name && t.Day == 0).SumAsync(t => t.Tickets)));
        Assert.Equal(Creations, await app.QueryDbAsync(db => db.ReportTallies.Where(t => t.Kind == TallyKind.Codes.Name && t.Day != 0).SumAsync(t => t.Tickets)));
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
            ClientId = client,
            ErrorText = "ETAX-40002: Error di Service",
            Activity = $"upload faktur {i}",
            Idempotency = i < 2 ? claim : null,
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
}
