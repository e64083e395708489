using System.Net;
using System.Text.Json;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Tests.Web.Api;
using Xunit.Abstractions;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

/// <summary>
/// What one ticket creation costs the database and the runtime, once the app is warm (reference data cached, the year's
/// number row there): a handful of SQL commands and no exception, through the UI's command and through the API.
/// </summary>
public sealed class CreateTicketCostTests(ITestOutputHelper output)
{
    public const int MaxCommands = 8;

    [Fact]
    public async Task ShouldCreateATicketInAtMostEightCommandsAndNoExceptionThroughTheCommand()
    {
        using var meter = new CostMeter();
        await using var app = await TestApp.StartAsync(interceptor: meter);
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var other = await Seed.ClientAsync(app, budi, "PT Lain", Seed.OtherNpwp);
        await Seed.TicketAsync(app, budi, other);

        var window = meter.Measure();
        var created = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", Activity = "upload faktur" });

        output.WriteLine(window.Describe());
        Assert.True(created.IsSuccess, created.Error?.Message);
        Assert.True(window.Commands.Count <= MaxCommands, window.Describe());
        Assert.True(window.Exceptions.IsEmpty, window.Describe());
        Assert.Contains(window.Commands, command => command.Contains("INSERT INTO \"Tickets\"", StringComparison.Ordinal));
        Assert.Equal(created.Value.Number, created.Value.View!.Number);
    }

    [Fact]
    public async Task ShouldCreateATicketInAtMostEightCommandsAndNoExceptionThroughTheApi()
    {
        using var meter = new CostMeter();
        await using var factory = new HelpdeskWebFactory { Interceptor = meter };
        factory.Server.PreserveExecutionContext = true;
        var admin = await factory.CreateAdminAsync();
        Assert.True((await factory.SendAsAsync(admin, [Roles.Admin], new CreateClientCommand { Name = "PT Maju Jaya", Npwp = ApiTestClient.Npwp(1) })).IsSuccess);
        var key = await ApiTestClient.CreateKeyAsync(factory);
        var api = ApiTestClient.WithKey(factory, key);
        var body = new { clientNpwp = ApiTestClient.Npwp(1), errorText = "ETAX-40002: Error di Service", description = "Gagal upload faktur", channel = "WhatsApp" };
        Assert.Equal(HttpStatusCode.Created, (await ApiTestClient.PostJsonAsync(api, "/api/v1/tickets", body)).StatusCode);

        var window = meter.Measure();
        var response = await ApiTestClient.PostJsonAsync(api, "/api/v1/tickets", body);

        output.WriteLine(window.Describe());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await ApiTestClient.JsonAsync(response);
        Assert.True(window.Commands.Count <= MaxCommands, window.Describe());
        Assert.True(window.Exceptions.IsEmpty, window.Describe());
        // What the API answers is what it would read back: the same ticket, timeline and SLA as GET shows.
        var read = await ApiTestClient.JsonAsync(await api.GetAsync(response.Headers.Location));
        Assert.Equal(Comparable(read), Comparable(ticket));
        Assert.Equal("PT Maju Jaya", ticket.GetProperty("clientName").GetString());
    }

    /// <summary>The response without what moves between two reads (the SLA's remaining time).</summary>
    private static string Comparable(JsonElement ticket)
    {
        var fields = ticket.EnumerateObject().Where(p => p.Name != "sla").ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var sla = ticket.GetProperty("sla").EnumerateObject().Where(p => p.Name != "remainingMinutes").Select(p => $"{p.Name}={p.Value.GetRawText()}");
        return string.Join("\n", fields.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")) + "\nsla:" + string.Join(",", sla);
    }
}
