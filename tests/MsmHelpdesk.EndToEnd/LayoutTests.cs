using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Incidents;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Persistence;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(Chromium chromium, ITestOutputHelper output)
{
    private const string Password = "Rahasia12345";

    /// <summary>
    /// Every page of the navigation menu, the home page of a manager and of a consultant, a ticket, a client, an incident
    /// and the new-ticket form, over demo data, at a laptop's and a phone's width: nothing reaches past the viewport and
    /// the page never scrolls sideways (a wide table may scroll inside its own box).
    /// </summary>
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task ShouldKeepEveryElementOfTheMainPagesWithinTheViewport(int width, int height)
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("mira@msm.co.id", "Mira Manajer", Password, [Roles.Admin, Roles.Manager]), CancellationToken.None);
        await identity.CreateUserAsync(new NewUser("sari@msm.co.id", "Sari Konsultan", Password, [Roles.Consultant]), CancellationToken.None);
        var databases = server.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        await new DemoDataSeeder(databases, TimeProvider.System).SeedAsync(new DemoSeedOptions(Clients: 20, Tickets: 400, Seed: 11, Append: true));
        Guid incident;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
            incident = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateIncidentCommand
            {
                Title = "Layanan e-Faktur DJP tidak bisa diakses sejak pagi, upload faktur gagal untuk semua klien",
                ErrorCode = "ETAX-40002",
            })).Value;
        }

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
        await Expect(page.Locator("#manager-overview")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });

        // The menu's own links (the job dashboard is not a page of the app), then the pages reached from lists.
        var menu = await page.Locator(".mud-navmenu a[href]:not([target=_blank])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("/tickets", menu);
        Assert.Contains("/admin/users", menu);
        string[] reached = [$"/tickets/{ticketNumber}", $"/clients/{clientId}", $"/incidents/{incident}", "/tickets/new"];
        var paths = menu.Concat(reached).Distinct().ToList();
        var offences = new List<string>();
        foreach (var path in paths)
        {
            offences.AddRange(await OffencesAsync(page, path));
        }

        await using var consultantContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var consultant = await consultantContext.NewPageAsync();
        await consultant.SignInAsync("sari@msm.co.id", Password);
        await Expect(consultant.Locator("#my-tickets, #my-tickets-first").First).ToBeVisibleAsync();
        offences.AddRange((await OffencesAsync(consultant, "/")).Select(found => $"(consultant) {found}"));

        Assert.True(paths.Count >= 15, string.Join(", ", paths));
        Assert.True(offences.Count == 0, $"{width}px:{Environment.NewLine}{string.Join(Environment.NewLine, offences)}");
    }

    private async Task<IEnumerable<string>> OffencesAsync(IPage page, string path)
    {
        output.WriteLine(path);
        // The DOM is enough: the live shell and the loading bars say when the page is ready.
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitUntilInteractiveAsync();
        try
        {
            // Measured once the page has its data: no loading bar left (the reports stream theirs in).
            await Expect(page.Locator(".mud-progress-indeterminate:visible")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        }
        catch (Exception stuck) when (stuck is PlaywrightException or TimeoutException || stuck.GetType().Name.Contains("Assert", StringComparison.Ordinal))
        {
            return [$"{path}: still loading after a minute ({stuck.Message.Split('\n')[0]})"];
        }

        var found = (await Layout.WiderThanViewportAsync(page)).Select(found => $"{path}: {found}").ToList();
        found.ForEach(output.WriteLine);
        return found;
    }
}
