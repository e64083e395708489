using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Api;

public sealed class ClientMessageApiTests
{
    [Fact]
    public async Task ShouldRecordAClientMessageAndPutAWaitingTicketBackToWork()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory, "Portal klien"));
        var npwp = await CreateClientAsync(client, 51);
        var created = await JsonAsync(await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002" }));
        var number = created.GetProperty("number").GetString()!;
        Guid id;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
        {
            id = await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
        }

        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient })
        {
            Assert.True((await factory.SendAsAsync("admin", [Roles.Admin], new ChangeTicketStatusCommand { TicketId = id, To = status })).IsSuccess);
        }

        var replied = await PostJsonAsync(client, $"/api/v1/tickets/{number}/messages", new { text = "<b>Sudah</b> bisa upload, terima kasih" });
        var empty = await PostJsonAsync(client, $"/api/v1/tickets/{number}/messages", new { text = "" });
        var unknown = await PostJsonAsync(client, "/api/v1/tickets/MSM-2020-999999/messages", new { text = "Halo" });
        var ticket = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{number}"));

        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var body = await JsonAsync(replied);
        Assert.Equal((number, "InProgress"), (body.GetProperty("number").GetString()!, body.GetProperty("status").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("InProgress", ticket.GetProperty("status").GetString());
        var message = Assert.Single(ticket.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ClientMessage");
        Assert.Equal("<b>Sudah</b> bisa upload, terima kasih", message.GetProperty("text").GetString());
        Assert.Equal("API: Portal klien", message.GetProperty("actorName").GetString());
    }
}
