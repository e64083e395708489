using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class ChangeTicketStatusTests
{
    public ChangeTicketStatusTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldMoveThroughTheStatusesRefuseIllegalMovesAndNeedASummary()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var illegal = await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved, ResolutionSummary = "x" });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Triaged });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.InProgress });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.WaitingOnClient });
        var noSummary = await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved });
        var resolved = await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat diunduh ulang dari e-Nofa" });
        var view = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        Assert.Equal(["Status tidak bisa diubah dari Baru ke Selesai."], illegal.Error!.FieldErrors["To"]);
        Assert.Equal(["Isi ringkasan penyelesaian sebelum menandai tiket selesai."], noSummary.Error!.FieldErrors["ResolutionSummary"]);
        Assert.True(resolved.IsSuccess);
        Assert.Equal(TicketStatus.Resolved, view.Status);
        Assert.Equal("Sertifikat diunduh ulang dari e-Nofa", view.ResolutionSummary);
        Assert.Equal(5, view.Timeline.Count(entry => entry.Kind is TimelineKind.StatusChanged or TimelineKind.Created));
    }
}
