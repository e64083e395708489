using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// The two reads a creation makes before its write, as compiled queries (decision record 0196): the client with its
/// certificate facts, and the outage count of other clients reporting the same code in the hour.
/// </summary>
public sealed class CreationReadsTests
{
    [Fact]
    public async Task ShouldFindTheClientForATicketByIdOrElseByNpwpWithItsCertificateFacts()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        await Seed.ClientAsync(app, budi, "CV Lain", Seed.OtherNpwp);
        await app.QueryDbAsync(db => db.Clients.Where(c => c.Id == client).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.CertificateIssuedOn, new DateOnly(2024, 3, 4))
            .SetProperty(c => c.CertificateExpiresOnEntered, new DateOnly(2026, 3, 4))));
        var stored = Npwp.Parse(Seed.ValidNpwp).Npwp!.Value;
        var expected = new ClientForTicket(client, "PT Maju Jaya", stored, new CertificateFacts(new DateOnly(2024, 3, 4), new DateOnly(2026, 3, 4), null));

        var byId = await app.QueryDbAsync(db => db.FindClientForTicketAsync(client, null, CancellationToken.None));
        var byNpwp = await app.QueryDbAsync(db => db.FindClientForTicketAsync(Guid.Empty, stored, CancellationToken.None));
        // An id decides when there is one: an unknown id is no client, whatever the NPWP.
        var unknownId = await app.QueryDbAsync(db => db.FindClientForTicketAsync(Guid.NewGuid(), stored, CancellationToken.None));
        var unknownNpwp = await app.QueryDbAsync(db => db.FindClientForTicketAsync(Guid.Empty, "0999999999999999", CancellationToken.None));
        var neither = await app.QueryDbAsync(db => db.FindClientForTicketAsync(Guid.Empty, null, CancellationToken.None));

        Assert.Equal(expected, byId);
        Assert.Equal(expected, byNpwp);
        Assert.All(new[] { unknownId, unknownNpwp, neither }, Assert.Null);
    }

    /// <summary>
    /// EF refuses a compiled query on a model other than the one it was compiled against; the test process has several
    /// (SQLite's compiled model, SQL Server's in the translation tests, a context built by conventions as here).
    /// </summary>
    [Fact]
    public async Task ShouldAnswerOnEveryModelInTheProcessInTurn()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var connectionString = app.Services.GetRequiredService<IConfiguration>()[ConfigKeys.ConnectionString];
        await using var byConventions = new HelpdeskDbContext(new DbContextOptionsBuilder<HelpdeskDbContext>().UseSqlite(connectionString).Options);

        var first = await app.QueryDbAsync(db => db.FindClientForTicketAsync(client, null, CancellationToken.None));
        var other = await byConventions.FindClientForTicketAsync(client, null, CancellationToken.None);
        var again = await app.QueryDbAsync(db => db.FindClientForTicketAsync(client, null, CancellationToken.None));
        var count = await byConventions.CountOtherClientsReportingAsync("ETAX-40002", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, client, 3, CancellationToken.None);

        Assert.NotSame(await app.QueryDbAsync(db => Task.FromResult(db.Model)), byConventions.Model);
        Assert.Equal(client, first?.Id);
        Assert.Equal(first, other);
        Assert.Equal(first, again);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ShouldCountOtherClientsReportingTheCodeInTheWindowOnceEachUpToTheCap()
    {
        var now = new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now.AddHours(-2));
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        var clients = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await Seed.ClientAsync(app, budi, $"PT Klien {i}", DeskSeed.Npwp(i)));
        }

        // Two hours earlier: client 4 with the code. Now: clients 0 and 1 twice each, 2 and 3 once, client 4 another code.
        await Seed.TicketAsync(app, budi, clients[4]);
        clock.SetUtcNow(now);
        foreach (var i in new[] { 0, 0, 1, 1, 2, 3 })
        {
            await Seed.TicketAsync(app, budi, clients[i]);
        }

        await Seed.TicketAsync(app, budi, clients[4], "ETAX-50001: Error lain");
        Task<int> Count(DateTimeOffset since, DateTimeOffset until, int cap) =>
            app.QueryDbAsync(db => db.CountOtherClientsReportingAsync("ETAX-40002", since, until, clients[0], cap, CancellationToken.None));

        var inTheHour = await Count(now.AddHours(-1), now, 10);
        var capped = await Count(now.AddHours(-1), now, 2);
        var threeHours = await Count(now.AddHours(-3), now, 10);
        var beforeNow = await Count(now.AddHours(-3), now.AddMilliseconds(-1), 10);
        var otherCode = await app.QueryDbAsync(db => db.CountOtherClientsReportingAsync("ETAX-50001", now.AddHours(-1), now, clients[0], 10, CancellationToken.None));

        Assert.Equal(8, await app.QueryDbAsync(db => db.Tickets.CountAsync(t => t.ErrorCode == "ETAX-40002" || t.ErrorCode == "ETAX-50001")));
        Assert.Equal([3, 2, 4, 1, 1], new[] { inTheHour, capped, threeHours, beforeNow, otherCode });
    }
}
