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

public sealed class ListStaffTests
{
    public ListStaffTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldOfferOnlyActiveStaffForAssignmentAndCountMyOpenTicketsAtHome()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var citra = await Seed.ConsultantAsync(app, "citra@msm.co.id", "Citra");
        await app.Identity.SetActiveAsync(citra.UserId!, false, CancellationToken.None);
        var client = await Seed.ClientAsync(app, budi);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var ticket = await Seed.TicketAsync(app, budi, client);
            await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = budi.UserId });
        }

        var staff = await app.SendAsync(budi, new ListStaffQuery());
        var home = await app.SendAsync(budi, new MsmHelpdesk.Application.Features.Home.GetHomeQuery());

        Assert.Equal(["Budi"], staff.Value.Select(member => member.DisplayName));
        Assert.Equal(3, home.Value.MyOpenTickets);
    }
}
