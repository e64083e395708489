using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Notifications;

public sealed class NotificationPagesTests
{
    [Fact]
    public async Task ShouldListOnlyTheUsersOwnNotificationsAsInertTextWithTheUnreadCountInTheBell()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var budi = await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        var sari = await factory.CreateUserAsync("sari@msm.co.id", Roles.Consultant);
        var notifier = factory.Services.GetRequiredService<INotifier>();
        await notifier.NotifyAsync([budi], new Notice { Kind = "t", Key = "1", Title = "<script>alert(1)</script>", Body = "<img src=x onerror=alert(2)>", Link = "javascript:alert(3)" }, CancellationToken.None);
        await notifier.NotifyAsync([budi], new Notice { Kind = "t", Key = "2", Title = "Tiket MSM-2026-000001 menunggu klien", Body = "Isi", Link = "/tickets/MSM-2026-000001" }, CancellationToken.None);
        await notifier.NotifyAsync([sari], new Notice { Kind = "t", Key = "3", Title = "Untuk Sari saja", Body = "Isi", Link = null }, CancellationToken.None);
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var response = await browser.GetAsync("/notifications");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("Tiket MSM-2026-000001 menunggu klien", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Untuk Sari saja", html, StringComparison.Ordinal);
        Assert.Contains("id=\"notification-count\"", html, StringComparison.Ordinal);
        Assert.Contains(">2</", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldOfferTheClientReplyActionAndAWhatsAppFollowUpOnATicketWaitingOnTheClient()
    {
        await using var factory = new HelpdeskWebFactory();
        var budi = await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        string[] staff = [Roles.Consultant];
        var client = (await factory.SendAsAsync(budi, staff, new CreateClientCommand { Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp })).Value;
        var contact = await factory.SendAsAsync(budi, staff, new AddClientContactCommand { ClientId = client, Name = "Ibu Rina", Phone = "0812-3456-7890" });
        Assert.True(contact.IsSuccess);
        var ticket = (await factory.SendAsAsync(budi, staff, new CreateTicketCommand { ClientId = client, ContactId = contact.Value, ErrorText = "ETAX-40002" })).Value;
        foreach (var status in new[] { MsmHelpdesk.Domain.Tickets.TicketStatus.Triaged, MsmHelpdesk.Domain.Tickets.TicketStatus.InProgress, MsmHelpdesk.Domain.Tickets.TicketStatus.WaitingOnClient })
        {
            await factory.SendAsAsync(budi, staff, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = status });
        }

        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");
        var html = await browser.GetStringAsync($"/tickets/{ticket.Number}");

        Assert.Contains("id=\"record-client-reply\"", html, StringComparison.Ordinal);
        Assert.Contains("https://wa.me/6281234567890?text=Halo%20Ibu%20Rina", html, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("Kami masih menunggu kabar Anda untuk tiket " + ticket.Number), html, StringComparison.Ordinal);
    }
}
