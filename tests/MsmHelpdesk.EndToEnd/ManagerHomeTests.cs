using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ManagerHomeTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldShowAManagerTheOverviewInChartsAndOpenTheListFilteredByAFigure()
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("mira@msm.co.id", "Mira Manajer", Password, [Roles.Admin, Roles.Manager]), CancellationToken.None);
        var ani = (await identity.CreateUserAsync(new NewUser("ani@msm.co.id", "Ani", Password, [Roles.Consultant]), CancellationToken.None)).Value;
        var budi = (await identity.CreateUserAsync(new NewUser("budi@msm.co.id", "Budi", Password, [Roles.Consultant]), CancellationToken.None)).Value;

        var numbers = new Dictionary<string, List<string>> { [ani] = [], [budi] = [], [""] = [] };
        await using (var scope = server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var client = (await sender.Send(new CreateClientCommand { Name = "PT Maju Jaya", Npwp = "01.234.567.4-901.000", Kpp = "KPP Satu" })).Value;
            foreach (var (assignee, text) in new[]
                     {
                         (ani, "ETAX-40002: Error di Service"), (ani, "ETAX-40002: Error di Service"), (ani, "Koneksi terputus"),
                         (budi, "ETAX-40002: Error di Service"), (null, "Faktur tidak bisa diunggah"),
                     })
            {
                var ticket = (await sender.Send(new CreateTicketCommand { ClientId = client, ErrorText = text, AssigneeId = assignee })).Value;
                numbers[assignee ?? ""].Add(ticket.Number);
            }
        }

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync("mira@msm.co.id", Password);
        var overview = page.Locator("#manager-overview");
        await Expect(overview).ToBeVisibleAsync();
        await Expect(page.Locator("#my-tickets")).ToHaveCountAsync(0);

        // Numbers and charts: five open tickets, all new and reported today; ETAX-40002 three times this week.
        await Expect(page.Locator("#figure-open .figure-value")).ToHaveTextAsync("5");
        await Expect(page.Locator("#figure-unassigned .figure-value")).ToHaveTextAsync("1");
        foreach (var panel in new[] { "#panel-status", "#panel-age", "#panel-week", "#panel-codes", "#panel-holders" })
        {
            await Expect(page.Locator($"{panel} svg").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#panel-status .overview-link[data-label='Baru']")).ToContainTextAsync("5");
        await Expect(page.Locator("#panel-age .overview-link[data-label='Hari ini']")).ToContainTextAsync("5");
        await Expect(page.Locator("#panel-codes .overview-link[data-label='ETAX-40002']")).ToContainTextAsync("3");
        await Expect(page.Locator("#panel-holders .overview-link[data-label='Ani']")).ToContainTextAsync("3");
        await Expect(page.Locator("#panel-holders .overview-link[data-label='Budi']")).ToContainTextAsync("1");
        await Expect(page.Locator("#panel-week a[data-figure='new']").Filter(new LocatorFilterOptions { HasText = "5" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#panel-visits")).ToContainTextAsync("Tidak ada kunjungan KPP terjadwal");

        // Ani's figure opens the list of Ani's open tickets, and only those.
        await page.ClickAsync("#panel-holders .overview-link[data-label='Ani']");
        await Expect(page).ToHaveURLAsync(new Regex($"/tickets\\?q=AllOpen&assignee={ani}$"));
        var grid = page.Locator("#ticket-grid");
        foreach (var number in numbers[ani])
        {
            await Expect(grid).ToContainTextAsync(number);
        }

        await Expect(grid).Not.ToContainTextAsync(numbers[budi][0]);
        await Expect(grid).Not.ToContainTextAsync(numbers[""][0]);

        // The error code figure lands on this week's ETAX-40002 tickets of everyone.
        await page.GotoAsync("/");
        await page.WaitUntilInteractiveAsync();
        await page.ClickAsync("#panel-codes .overview-link[data-label='ETAX-40002']");
        await Expect(page).ToHaveURLAsync(new Regex("code=ETAX-40002"));
        await Expect(grid.Locator("tbody tr.ticket-row")).ToHaveCountAsync(3);
        await Expect(grid).Not.ToContainTextAsync(numbers[ani][2]);

        // A consultant keeps the work list.
        await using var consultantContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var consultant = await consultantContext.NewPageAsync();
        await consultant.SignInAsync("budi@msm.co.id", Password);
        await Expect(consultant.Locator("#my-tickets")).ToContainTextAsync(numbers[budi][0]);
        await Expect(consultant.Locator("#manager-overview")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ShouldDrawTheOverviewOfDemoDataWithinTheScreen()
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("mira@msm.co.id", "Mira Manajer", Password, [Roles.Admin, Roles.Manager]), CancellationToken.None);
        var seeder = new DemoDataSeeder(server.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), TimeProvider.System);
        await seeder.SeedAsync(new DemoSeedOptions(Clients: 60, Tickets: 3000, Seed: 7, Append: true));

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync("mira@msm.co.id", Password);
        await Expect(page.Locator("#manager-overview")).ToBeVisibleAsync();
        await Expect(page.Locator("#panel-holders .overview-link")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#panel-holders")).Not.ToContainTextAsync("Mira");
        await Expect(page.Locator("#panel-visits a").First).ToBeVisibleAsync();
        Assert.Empty(await Layout.WiderThanViewportAsync(page));
        await Screenshots.SaveAsync(page, "manager-home.png");

        await page.GotoAsync("/reports");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#matrix-table")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        await Expect(page.Locator(".report-chart svg").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reports.png");
    }
}
