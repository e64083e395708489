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

public sealed class AssignTicketTests
{
    public AssignTicketTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldAssignOnlyToActiveUsers()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var assigned = await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = budi.UserId });
        var nobody = await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = "ghost" });
        var view = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        Assert.True(assigned.IsSuccess);
        Assert.Equal(["Petugas harus pengguna aktif."], nobody.Error!.FieldErrors["AssigneeId"]);
        Assert.Equal("Budi", view.AssigneeName);
    }
}
