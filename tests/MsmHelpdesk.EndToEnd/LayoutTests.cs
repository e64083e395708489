using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task ShouldKeepEveryElementOfTheMainPagesWithinTheViewport(int width, int height)
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("mira@msm.co.id", "Mira Manajer", Password, [Roles.Admin, Roles.Manager, Roles.Consultant]), CancellationToken.None);
        var databases = server.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        await new DemoDataSeeder(databases, TimeProvider.System).SeedAsync(new DemoSeedOptions(Clients: 20, Tickets: 400, Seed: 11, Append: true));
        string clientId;
        string ticketNumber;
        await using (var db = await databases.CreateDbContextAsync())
        {
            clientId = (await db.Clients.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync()).ToString();
            ticketNumber = await db.Tickets.OrderByDescending(t => t.ReportedAt).Select(t => t.Number).FirstAsync();
        }

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync("mira@msm.co.id", Password);

        var pages = new (string Path, string Ready)[]
        {
            ("/", "#manager-overview"),
            ("/tickets", "#ticket-grid"),
            ("/tickets/new", "h1"),
            ("/clients", "h1"),
            ($"/clients/{clientId}", "h1"),
            ("/reports", "#matrix-table"),
            ("/reports/classifier", "#overall, #accuracy-empty"),
            ("/admin/sla", "h1"),
            ($"/tickets/{ticketNumber}", "#ticket-number"),
        };
        var offences = new List<string>();
        foreach (var (path, ready) in pages)
        {
            await page.GotoAsync(path);
            await page.WaitUntilInteractiveAsync();
            await Expect(page.Locator(ready).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            offences.AddRange((await Layout.WiderThanViewportAsync(page)).Select(found => $"{path}: {found}"));
        }

        // On a phone the sign-out is still reachable, through the user menu.
        await page.GotoAsync("/");
        await page.WaitUntilInteractiveAsync();
        var signOut = width < 960 ? "#menu-sign-out" : "#sign-out";
        if (width < 960)
        {
            await page.ClickAsync("#user-menu-button");
        }

        await Expect(page.Locator(signOut)).ToBeVisibleAsync();
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }
}
