using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// Contexts come from a pool (decision record 0200): a disposed context is reset and handed out again, so its internal
/// services are built once per pooled instance; what one user of it did must not reach the next.
/// </summary>
public sealed class ContextPoolTests
{
    [Fact]
    public async Task ShouldHandOutTheSameContextAgainResetWithNothingTrackedNoTransactionAndItsConnectionClosed()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        await Seed.ClientAsync(app, budi);
        var factory = app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();

        HelpdeskDbContext first;
        QueryTrackingBehavior configured;
        await using (first = await factory.CreateDbContextAsync())
        {
            await first.Database.BeginTransactionAsync();
            var client = await first.Clients.AsTracking().FirstAsync();
            first.Entry(client).State = EntityState.Modified;
            configured = first.ChangeTracker.QueryTrackingBehavior;
            first.ChangeTracker.QueryTrackingBehavior = configured == QueryTrackingBehavior.NoTracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking;
            Assert.NotEmpty(first.ChangeTracker.Entries());
            Assert.Equal(ConnectionState.Open, first.Database.GetDbConnection().State);
        }

        await using var second = await factory.CreateDbContextAsync();

        Assert.Same(first, second);
        Assert.Empty(second.ChangeTracker.Entries());
        Assert.Null(second.Database.CurrentTransaction);
        Assert.Equal(ConnectionState.Closed, second.Database.GetDbConnection().State);
        Assert.Equal(configured, second.ChangeTracker.QueryTrackingBehavior);
        Assert.Equal("PT Maju Jaya", (await second.Clients.SingleAsync()).Name);
    }

    [Fact]
    public async Task ShouldPoolTheHandlersContextsAndTheScopedOneAlike()
    {
        await using var app = await TestApp.StartAsync();
        var databases = app.Services.GetRequiredService<IAppDbContextFactory>();

        IAppDbContext handlers;
        await using (handlers = await databases.CreateAsync())
        {
            await handlers.Clients.CountAsync();
        }

        HelpdeskDbContext scoped;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scoped = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
            await scoped.Clients.CountAsync();
        }

        // The scoped context (Identity's, data protection's) was the one the handler gave back, and went back itself.
        await using var again = await databases.CreateAsync();

        Assert.Same(handlers, scoped);
        Assert.Same(scoped, again);
    }
}
