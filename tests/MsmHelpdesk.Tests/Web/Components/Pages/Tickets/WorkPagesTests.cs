using System.Net;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Tickets;

public sealed class WorkPagesTests
{
    private static readonly string[] Staff = [Roles.Consultant];

    [Fact]
    public async Task ShouldRenderStepsVisitsAndTheAgendaWithHostileTextInert()
    {
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        const string Encoded = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var budi = await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        var client = (await factory.SendAsAsync(budi, Staff, new CreateClientCommand
        {
            Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp, Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            Officers = [new OfficerInput { Name = "Hendra Wijaya" }],
        })).Value;
        var ticket = (await factory.SendAsAsync(budi, Staff, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service" })).Value;
        await factory.SendAsAsync(budi, Staff, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Triaged });
        await factory.SendAsAsync(budi, Staff, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.InProgress });
        Assert.True((await factory.SendAsAsync(budi, Staff, new AddTicketStepCommand { TicketId = ticket.Id, Title = Hostile, Notes = Hostile, IsRequired = true })).IsSuccess);
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date).AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1); // KPPs are closed at weekends
        }

        var visit = await factory.SendAsAsync(budi, Staff, new ScheduleKppVisitCommand
        {
            TicketId = ticket.Id, Date = day, Time = new TimeOnly(9, 0), OfficerName = "Hendra Wijaya", AssigneeId = budi, Notes = Hostile,
        });
        Assert.True(visit.IsSuccess);
        var browser = factory.Browser();

        var anonymous = await browser.GetAsync("/visits");
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");
        var ticketPage = await browser.GetStringAsync($"/tickets/{ticket.Number}");
        var agenda = await browser.GetStringAsync("/visits");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains(Encoded, ticketPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", ticketPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", ticketPage, StringComparison.Ordinal);
        Assert.Contains("Langkah penyelesaian", ticketPage, StringComparison.Ordinal);
        Assert.Contains("Hendra Wijaya", ticketPage, StringComparison.Ordinal);
        Assert.Contains("Belum bisa diselesaikan", ticketPage, StringComparison.Ordinal);
        Assert.Contains(ticket.Number, agenda, StringComparison.Ordinal);
        Assert.Contains($"data-day=\"{day:yyyy-MM-dd}\"", agenda, StringComparison.Ordinal);
        Assert.Contains("swafoto memegang KTP", agenda, StringComparison.Ordinal);
        Assert.Contains("href=\"/visits\"", agenda, StringComparison.Ordinal);
    }
}
