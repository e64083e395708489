using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Jobs;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ClientReplyTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldOfferAWhatsAppFollowUpAndPutTheTicketBackToWorkWhenTheClientReplies()
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        Assert.True((await identity.CreateFirstAdminAsync(new NewUser("budi@msm.co.id", "Budi", Password, [Roles.Admin, Roles.Consultant]), CancellationToken.None)).IsSuccess);
        var number = await WaitingTicketAsync(server);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("budi@msm.co.id", Password);

        await page.GotoAsync($"/tickets/{number}");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Menunggu klien");

        // The composer's "client's message" tab logs what the client said; it offers the follow-up too.
        await page.ClickAsync("#composer-tab-client");
        await Expect(page.Locator("#whatsapp-follow-up")).ToHaveAttributeAsync("href", new Regex(@"^https://wa\.me/6281234567890\?text=Halo%20Ibu%20Rina"));

        // A passphrase typed by mistake is held back with a one-click redaction, and nothing is recorded.
        await page.FillAsync("#client-reply-text", "passphrase: Rahasia123!");
        await page.ClickAsync("#record-client-reply");
        await Expect(page.Locator("#client-reply #secret-warning")).ToBeVisibleAsync();
        await page.ClickAsync("#client-reply #redact-secrets");
        await Expect(page.Locator("#client-reply-text")).Not.ToHaveValueAsync(new Regex("Rahasia123!"));
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Menunggu klien");
        await Expect(page.Locator("#timeline .timeline-entry[data-kind=ClientMessage]")).ToHaveCountAsync(0);

        await page.FillAsync("#client-reply-text", "Ibu Rina: sertifikat baru sudah diimpor, upload berhasil <b>tebal</b>");
        await page.ClickAsync("#record-client-reply");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Dikerjakan");
        await Expect(page.Locator("#timeline .timeline-entry[data-kind=ClientMessage]")).ToContainTextAsync("upload berhasil <b>tebal</b>");
        await Expect(page.Locator("#timeline b")).ToHaveCountAsync(0);
        await Expect(page.Locator("#whatsapp-follow-up")).ToHaveCountAsync(0);
    }

    /// <summary>Arranged through the app's own commands, as the scheduled-job operator.</summary>
    private static async Task<string> WaitingTicketAsync(LiveServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var client = (await sender.Send(new CreateClientCommand { Name = "PT Maju Jaya", Npwp = "01.234.567.4-901.000" })).Value;
        var contact = (await sender.Send(new AddClientContactCommand { ClientId = client, Name = "Ibu Rina", Phone = "0812-3456-7890" })).Value;
        var ticket = (await sender.Send(new CreateTicketCommand { ClientId = client, ContactId = contact, ErrorText = "ETAX-40002 Error di Service" })).Value;
        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient })
        {
            Assert.True((await sender.Send(new ChangeTicketStatusCommand { TicketId = ticket.Id, To = status })).IsSuccess);
        }

        return ticket.Number;
    }
}
