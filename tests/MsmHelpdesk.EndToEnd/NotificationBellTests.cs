using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class NotificationBellTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldCountNewNotificationsWithoutReloadAndClearTheBellWhenMarkedRead()
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        var budi = (await identity.CreateFirstAdminAsync(new NewUser("budi@msm.co.id", "Budi", Password, [Roles.Admin, Roles.Consultant]), CancellationToken.None)).Value;
        var notifier = server.Services.GetRequiredService<INotifier>();
        await notifier.NotifyAsync([budi], new Notice { Kind = "t", Key = "1", Title = "Sertifikat PT Maju berakhir dalam 60 hari", Body = "Tiket proaktif", Link = "/clients" }, CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("budi@msm.co.id", Password);
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#notification-count")).ToHaveTextAsync("1");

        // A job notifies while the page is open: the bell follows on its next poll, no reload.
        await notifier.NotifyAsync([budi], new Notice { Kind = "t", Key = "2", Title = "Tiket menunggu klien 3 hari", Body = "Tindak lanjuti", Link = "/tickets" }, CancellationToken.None);
        await Expect(page.Locator("#notification-count")).ToHaveTextAsync("2", new LocatorAssertionsToHaveTextOptions { Timeout = 40_000 });

        await page.ClickAsync("#notification-bell");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#notification-list .notification.unread")).ToHaveCountAsync(2);
        await page.Locator("#notification-list .notification", new PageLocatorOptions { HasText = "Sertifikat PT Maju" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/clients$"));
        await Expect(page.Locator("#notification-count")).ToHaveTextAsync("1");

        await page.GotoAsync("/notifications");
        await page.WaitUntilInteractiveAsync();
        await page.ClickAsync("#mark-all-read");
        await Expect(page.Locator("#notification-list .notification.unread")).ToHaveCountAsync(0);
        await Expect(page.Locator("#notification-count")).ToHaveCountAsync(0);
    }
}
