using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence.ReportTotals;

/// <summary>
/// The report totals are written by the save that writes the tickets, in its transaction: a save that fails or a
/// transaction that is not committed leaves neither the ticket's change nor its totals' rows.
/// </summary>
public sealed class ReportTotalsInterceptorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private sealed record Arranged(TestApp App, IAppDbContextFactory Databases, Guid TicketId, Actor Actor) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();

        public Task<int> TallyRowsAsync() => App.QueryDbAsync(db => db.ReportTallies.CountAsync());

        public Task<TicketStatus> StatusAsync() => App.QueryDbAsync(db => db.Tickets.Where(t => t.Id == TicketId).Select(t => t.Status).SingleAsync());
    }

    private static async Task<Arranged> ArrangeAsync()
    {
        var app = await TestApp.StartAsync(clock: new FakeTimeProvider(Start));
        var consultant = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, consultant, await Seed.ClientAsync(app, consultant));
        return new Arranged(app, app.Services.GetRequiredService<IAppDbContextFactory>(), ticket.Id, new Actor(consultant.UserId!, "Budi"));
    }

    [Fact]
    public async Task ShouldRollTheTicketBackWhenItsTotalsCannotBeWritten()
    {
        await using var a = await ArrangeAsync();
        var rows = await a.TallyRowsAsync();
        Assert.True(rows > 0);
        await a.App.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER RefuseTotals BEFORE INSERT ON ReportTallies BEGIN SELECT RAISE(ABORT, 'no totals'); END;"));

        await using var db = await a.Databases.CreateAsync();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == a.TicketId);
        Assert.Null(ticket.MoveTo(TicketStatus.Triaged, null, a.Actor, Start.AddHours(1), SlaRules.Default));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        // The ticket's own update had succeeded before the totals' insert failed: both are gone.
        Assert.Equal(TicketStatus.New, await a.StatusAsync());
        Assert.Equal(rows, await a.TallyRowsAsync());

        // The failed save left no transaction open (under SQLite it would hold the write lock): while its context is
        // still alive, another context saves the same change, totals included.
        await a.App.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER RefuseTotals;"));
        await using (var other = await a.Databases.CreateAsync())
        {
            var again = await other.Tickets.SingleAsync(t => t.Id == a.TicketId);
            Assert.Null(again.MoveTo(TicketStatus.Triaged, null, a.Actor, Start.AddHours(1), SlaRules.Default));
            await other.SaveChangesAsync();
        }

        Assert.Equal(TicketStatus.Triaged, await a.StatusAsync());
        Assert.True(await a.TallyRowsAsync() > rows);
        Assert.Equal(await ExpectedSumsAsync(a.Databases), await StoredSumsAsync(a.Databases));
    }

    [Fact]
    public async Task ShouldWriteTheTotalsInTheCallersTransaction()
    {
        await using var a = await ArrangeAsync();
        var rows = await a.TallyRowsAsync();
        var expected = await ExpectedSumsAsync(a.Databases);

        await using (var db = await a.Databases.CreateAsync())
        {
            await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
            var ticket = await db.Tickets.SingleAsync(t => t.Id == a.TicketId);
            Assert.Null(ticket.MoveTo(TicketStatus.Triaged, null, a.Actor, Start.AddHours(1), SlaRules.Default));
            await db.SaveChangesAsync();

            // Inside the transaction the difference rows are there; it is never committed.
            Assert.True(await db.ReportTallies.CountAsync() > rows);
        }

        Assert.Equal(TicketStatus.New, await a.StatusAsync());
        Assert.Equal(rows, await a.TallyRowsAsync());
        Assert.Equal(expected, await StoredSumsAsync(a.Databases));
    }

    [Fact]
    public async Task ShouldRefuseASynchronousSaveOfATicket()
    {
        await using var a = await ArrangeAsync();

        var refused = await a.App.QueryDbAsync(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == a.TicketId);
            Assert.Null(ticket.MoveTo(TicketStatus.Triaged, null, a.Actor, Start.AddHours(1), SlaRules.Default));
            return Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        });

        Assert.Contains("SaveChangesAsync", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, await a.StatusAsync());
    }
}
