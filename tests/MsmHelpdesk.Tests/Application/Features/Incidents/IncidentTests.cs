using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Incidents;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Incidents;

public sealed class IncidentTests
{
    public IncidentTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldLinkThreeTicketsPostOneUpdateToAllAndResolveThemTogether()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var maya = await DeskSeed.ManagerAsync(app);
        var tickets = await DeskSeed.TicketsOfClientsAsync(app, budi, 3);
        await DeskSeed.MoveAsync(app, budi, tickets[1].Id, TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient);
        var incidentId = (await app.SendAsync(budi, new CreateIncidentCommand { Title = "Layanan e-Faktur DJP down", ErrorCode = "etax-40002" })).Value;

        // Two from the list's selection, one typed by number on the incident page.
        var linked = await app.SendAsync(budi, new LinkTicketsToIncidentCommand { IncidentId = incidentId, TicketIds = [tickets[0].Id, tickets[1].Id] });
        var byNumber = await app.SendAsync(budi, new LinkTicketsToIncidentCommand { IncidentId = incidentId, TicketNumbers = $" {tickets[2].Number.ToLowerInvariant()} " });
        var posted = await app.SendAsync(budi, new PostIncidentUpdateCommand { IncidentId = incidentId, Text = "DJP sedang memperbaiki layanan; kami kabari lagi." });
        var resolved = await app.SendAsync(maya, new ResolveIncidentCommand { IncidentId = incidentId, Summary = "Layanan DJP pulih pukul 11.00 WIB" });

        Assert.Equal(2, linked.Value.Changed.Count);
        Assert.Equal([tickets[2].Number], byNumber.Value.Changed);
        Assert.Equal(3, posted.Value);
        Assert.Equal(tickets.Select(t => t.Number).Order(StringComparer.Ordinal), resolved.Value.Changed);
        Assert.Empty(resolved.Value.Skipped);
        foreach (var ticket in tickets)
        {
            var view = await DeskSeed.ViewAsync(app, budi, ticket.Id);
            Assert.Equal((TicketStatus.Resolved, "Layanan DJP pulih pukul 11.00 WIB"), (view.Status, view.ResolutionSummary));
            Assert.Equal("DJP sedang memperbaiki layanan; kami kabari lagi.", Assert.Single(view.Timeline, e => e.Kind == TimelineKind.IncidentUpdate).Text);
            var resolution = view.Timeline.Last(e => e.Kind == TimelineKind.StatusChanged);
            Assert.Equal((Ticket.IncidentMarker, "Resolved", "Maya"), (resolution.Field, resolution.NewValue, resolution.ActorName));
            Assert.Equal("Layanan e-Faktur DJP down", (await app.SendAsync(budi, new GetTicketLinksQuery { TicketId = ticket.Id })).Value.Incident!.Title);
        }

        var incident = (await app.SendAsync(budi, new GetIncidentQuery { IncidentId = incidentId })).Value;
        Assert.Equal((IncidentStatus.Resolved, "ETAX-40002"), (incident.Status, incident.ErrorCode));
        Assert.Equal(3, incident.Tickets.Count);
        Assert.Equal(3, Assert.Single(incident.Updates).Tickets);
        var again = await app.SendAsync(maya, new ResolveIncidentCommand { IncidentId = incidentId, Summary = "lagi" });
        Assert.Equal(["Insiden ini sudah selesai."], again.Error!.FieldErrors[nameof(ResolveIncidentCommand.IncidentId)]);
    }

    [Fact]
    public async Task ShouldLetOnlyManagersResolveAndSkipClosedOrUnknownTicketsWhenLinking()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var tickets = await DeskSeed.TicketsOfClientsAsync(app, budi, 2);
        await DeskSeed.MoveAsync(app, budi, tickets[1].Id, TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.Resolved);
        var incidentId = (await app.SendAsync(budi, new CreateIncidentCommand { Title = "DJP down" })).Value;

        var linked = await app.SendAsync(budi, new LinkTicketsToIncidentCommand { IncidentId = incidentId, TicketIds = [tickets[0].Id, tickets[1].Id] });
        var unknown = await app.SendAsync(budi, new LinkTicketsToIncidentCommand { IncidentId = incidentId, TicketNumbers = "MSM-2020-999999" });
        var nothing = await app.SendAsync(budi, new LinkTicketsToIncidentCommand { IncidentId = incidentId });
        var resolve = await app.SendAsync(budi, new ResolveIncidentCommand { IncidentId = incidentId, Summary = "Pulih" });
        var noText = await app.SendAsync(budi, new PostIncidentUpdateCommand { IncidentId = incidentId, Text = " " });

        Assert.Equal([tickets[0].Number], linked.Value.Changed);
        Assert.Equal($"Tiket {tickets[1].Number} sudah tidak terbuka.", Assert.Single(linked.Value.Skipped).Reason);
        Assert.Equal(["Nomor tiket tidak dikenal: MSM-2020-999999."], unknown.Error!.FieldErrors[nameof(LinkTicketsToIncidentCommand.TicketNumbers)]);
        Assert.Equal(["Pilih minimal satu tiket."], nothing.Error!.FieldErrors[nameof(LinkTicketsToIncidentCommand.TicketIds)]);
        Assert.Equal(ErrorKind.Forbidden, resolve.Error!.Kind);
        Assert.Equal(["Wajib diisi."], noText.Error!.FieldErrors[nameof(PostIncidentUpdateCommand.Text)]);
        Assert.Equal(TicketStatus.New, (await DeskSeed.ViewAsync(app, budi, tickets[0].Id)).Status);
    }

    [Fact]
    public async Task ShouldValidateANewIncident()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);

        var refused = await app.SendAsync(budi, new CreateIncidentCommand { Title = "  ", StartedAt = clock.GetUtcNow().AddHours(2), Description = new string('x', 4001) });

        Assert.Equal(["Wajib diisi."], refused.Error!.FieldErrors[nameof(CreateIncidentCommand.Title)]);
        Assert.Equal(["Waktu mulai tidak boleh di masa depan."], refused.Error.FieldErrors[nameof(CreateIncidentCommand.StartedAt)]);
        Assert.Equal(["Maksimal 4000 karakter."], refused.Error.FieldErrors[nameof(CreateIncidentCommand.Description)]);
    }

    [Fact]
    public async Task ShouldSuggestAnIncidentWhenFourClientsReportACodeWithinTheHourAndNoneIsOpen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        await DeskSeed.TicketsOfClientsAsync(app, budi, 3);
        var threeClients = (await app.SendAsync(budi, new ListIncidentsQuery())).Value.Suggestions;
        var fourth = await Seed.ClientAsync(app, budi, "PT Keempat", DeskSeed.Npwp(3));
        await Seed.TicketAsync(app, budi, fourth);
        await Seed.TicketAsync(app, budi, fourth); // the same client twice still counts once

        var fourClients = (await app.SendAsync(budi, new ListIncidentsQuery())).Value.Suggestions;
        await app.SendAsync(budi, new CreateIncidentCommand { Title = "DJP down", ErrorCode = "ETAX-40002" });
        var covered = (await app.SendAsync(budi, new ListIncidentsQuery())).Value.Suggestions;

        Assert.Empty(threeClients);
        Assert.Equal(new IncidentSuggestion("ETAX-40002", 4), Assert.Single(fourClients));
        Assert.Empty(covered);
        Assert.Single((await app.SendAsync(budi, new ListIncidentsQuery())).Value.Incidents, i => i.Status == IncidentStatus.Open);
    }
}
