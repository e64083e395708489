using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Jobs;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

/// <summary>Issue 15's desk actions as a Manager does them: a bulk assign from the list, an incident resolving its tickets.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskActionsTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldAssignSeveralTicketsFromTheListAtOnce()
    {
        await using var server = new LiveServer();
        await StaffAsync(server);
        var numbers = await TicketsAsync(server, 3);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync("maya@msm.co.id", Password);

        await page.GotoAsync("/tickets?q=AllOpen");
        await page.WaitUntilInteractiveAsync();
        var rows = page.Locator("#ticket-grid tbody tr.ticket-row");
        await Expect(rows).ToHaveCountAsync(3);

        // Two rows by their own checkbox, then the whole page with the header's.
        await page.Locator($".ticket-select[data-number='{numbers[0]}'] input").CheckAsync();
        await page.Locator($".ticket-select[data-number='{numbers[2]}'] input").CheckAsync();
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("2 tiket dipilih");
        await page.Locator(".ticket-select-page input").CheckAsync();
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("3 tiket dipilih");

        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Tugaskan ke" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Sari Konsultan" }).ClickAsync();
        await page.ClickAsync("#bulk-assign");

        await Expect(page.Locator("#bulk-outcome")).ToContainTextAsync("3 diubah.");
        await Expect(page.Locator("#bulk-bar")).ToHaveCountAsync(0);
        foreach (var number in numbers)
        {
            await Expect(rows.Filter(new LocatorFilterOptions { HasText = number })).ToContainTextAsync("Sari Konsultan");
        }

        await page.GotoAsync($"/tickets/{numbers[1]}");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#timeline .timeline-entry[data-kind=AssigneeChanged]")).ToContainTextAsync("Maya");
    }

    [Fact]
    public async Task ShouldFilterTheListThroughSelectsWhoseItemsAppearWhenOpened()
    {
        await using var server = new LiveServer();
        await StaffAsync(server);
        await TicketsAsync(server, 3);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync("maya@msm.co.id", Password);

        await page.GotoAsync("/tickets?q=all");
        await page.WaitUntilInteractiveAsync();
        var rows = page.Locator("#ticket-grid tbody tr.ticket-row");
        await Expect(rows).ToHaveCountAsync(3);

        // A status nobody has empties the list; adding "Baru" brings the three back. The closed select names both.
        var status = page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Status", Exact = true });
        await status.ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Ditutup" }).ClickAsync();
        await Expect(page.Locator("#ticket-grid")).ToContainTextAsync("Tidak ada tiket yang cocok.");
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Baru" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await page.Mouse.ClickAsync(1300, 880); // on the select's overlay: closes it
        await Expect(page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Ditutup" })).ToHaveCountAsync(0);
        await Expect(status).ToHaveValueAsync(new Regex("Ditutup"));
        await Expect(status).ToHaveValueAsync(new Regex("Baru"));

        // The assignee select shows the person's name, not their id, once its items are gone again.
        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Petugas", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Sari Konsultan" }).ClickAsync();
        await Expect(page.Locator("#ticket-grid")).ToContainTextAsync("Tidak ada tiket yang cocok.");
        await Expect(page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Sari Konsultan" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Petugas", Exact = true })).ToHaveValueAsync("Sari Konsultan");
    }

    /// <summary>
    /// The queue tabs, the menu's links and the bell are plain markup (decision record 0187): a click and the arrow keys
    /// switch the queue, the menu marks the page it is on and follows in-app navigation, the bell keeps its tooltip text.
    /// </summary>
    [Fact]
    public async Task ShouldSwitchQueuesByClickAndArrowKeysAndMarkTheCurrentPageInTheMenu()
    {
        await using var server = new LiveServer();
        await StaffAsync(server);
        await TicketsAsync(server, 3);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync("maya@msm.co.id", Password);

        await page.GotoAsync("/tickets?q=AllOpen");
        await page.WaitUntilInteractiveAsync();
        var rows = page.Locator("#ticket-grid tbody tr.ticket-row");
        await Expect(rows).ToHaveCountAsync(3);
        ILocator Tab(string name) => page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name, Exact = true });
        await Expect(Tab("Semua terbuka")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Tab("Tiket saya")).ToHaveAttributeAsync("aria-selected", "false");

        // Maya has no tickets of her own; the three are unassigned.
        await Tab("Tiket saya").ClickAsync();
        await Expect(Tab("Tiket saya")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#ticket-grid")).ToContainTextAsync("Tidak ada tiket yang cocok.");
        await Tab("Tiket saya").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(Tab("Belum ditugaskan")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Tab("Belum ditugaskan")).ToBeFocusedAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("End");
        await Expect(Tab("Semua")).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(Tab("Tiket saya")).ToHaveAttributeAsync("aria-selected", "true");

        await Expect(page.Locator("#notification-bell")).ToHaveAttributeAsync("title", "Pemberitahuan");
        var ticketsLink = page.Locator(".mud-navmenu a[href='/tickets']");
        var clientsLink = page.Locator(".mud-navmenu a[href='/clients']");
        await Expect(ticketsLink).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(page.Locator(".mud-navmenu a[href='/']")).Not.ToHaveClassAsync(new Regex(@"\bactive\b"));
        await clientsLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/clients$"));
        await Expect(clientsLink).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(ticketsLink).Not.ToHaveClassAsync(new Regex(@"\bactive\b"));
    }

    [Fact]
    public async Task ShouldResolveAnIncidentAndItsThreeLinkedTicketsTogether()
    {
        await using var server = new LiveServer();
        await StaffAsync(server);
        var numbers = await TicketsAsync(server, 3);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync("maya@msm.co.id", Password);

        // Three clients reported the same code within the hour: one short of the suggestion (four); open one by hand.
        await page.ClickAsync("#nav-incidents");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#incident-title", "Layanan e-Faktur DJP tidak bisa diakses");
        await page.FillAsync("#incident-code", "ETAX-40002");
        await page.ClickAsync("#incident-create");
        await Expect(page.Locator("#incident-title-value")).ToHaveTextAsync("Layanan e-Faktur DJP tidak bisa diakses");
        var incidentUrl = page.Url;

        // Two tickets linked from the list's selection, the third by number on the incident page.
        await page.GotoAsync("/tickets?q=AllOpen");
        await page.WaitUntilInteractiveAsync();
        await page.Locator($".ticket-select[data-number='{numbers[0]}'] input").CheckAsync();
        await page.Locator($".ticket-select[data-number='{numbers[1]}'] input").CheckAsync();
        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Insiden" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Layanan e-Faktur DJP tidak bisa diakses" }).ClickAsync();
        await page.ClickAsync("#bulk-link");
        await Expect(page.Locator("#bulk-outcome")).ToContainTextAsync("2 diubah.");

        await page.GotoAsync(incidentUrl);
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#incident-link-numbers", numbers[2]);
        await page.ClickAsync("#incident-link");
        var linked = page.Locator("#incident-tickets .incident-ticket");
        await Expect(linked).ToHaveCountAsync(3);

        await page.FillAsync("#incident-update-text", "DJP sedang memperbaiki layanan; kami kabari lagi.");
        await page.ClickAsync("#incident-post");
        await Expect(page.Locator("#incident-outcome")).ToHaveTextAsync("Kabar dikirim ke 3 tiket.");
        await Expect(page.Locator("#incident-updates .incident-update")).ToContainTextAsync("ke 3 tiket");

        await page.FillAsync("#incident-resolve-summary", "Layanan DJP pulih, upload normal kembali");
        await page.ClickAsync("#incident-resolve");
        await Expect(page.Locator("#incident-status")).ToHaveTextAsync("Selesai");
        await Expect(page.Locator("#incident-outcome")).ToHaveTextAsync("3 diubah.");
        for (var i = 0; i < 3; i++)
        {
            await Expect(linked.Nth(i)).ToContainTextAsync("Selesai");
        }

        foreach (var number in numbers)
        {
            await page.GotoAsync($"/tickets/{number}");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Selesai");
            await Expect(page.Locator("#ticket-incident")).ToContainTextAsync("Layanan e-Faktur DJP tidak bisa diakses");
            await Expect(page.Locator("#timeline .timeline-entry[data-kind=IncidentUpdate]")).ToContainTextAsync("DJP sedang memperbaiki layanan");
        }
    }

    private static async Task StaffAsync(LiveServer server)
    {
        var identity = server.Services.GetRequiredService<IIdentityService>();
        Assert.True((await identity.CreateFirstAdminAsync(new NewUser("admin@msm.co.id", "Admin", Password, [Roles.Admin]), CancellationToken.None)).IsSuccess);
        Assert.True((await identity.CreateUserAsync(new NewUser("maya@msm.co.id", "Maya", Password, [Roles.Manager]), CancellationToken.None)).IsSuccess);
        Assert.True((await identity.CreateUserAsync(new NewUser("sari@msm.co.id", "Sari Konsultan", Password, [Roles.Consultant]), CancellationToken.None)).IsSuccess);
    }

    /// <summary>One ETAX-40002 ticket for each of <paramref name="count"/> clients, through the app's own commands; their numbers.</summary>
    private static async Task<IReadOnlyList<string>> TicketsAsync(LiveServer server, int count)
    {
        string[] npwps = ["01.234.567.4-901.000", "02.123.456.2-011.001", "30.000.001.5-000.000"];
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var client = await sender.Send(new CreateClientCommand { Name = $"PT Klien {i + 1}", Npwp = npwps[i] });
            Assert.True(client.IsSuccess, client.Error?.Message);
            numbers.Add((await sender.Send(new CreateTicketCommand { ClientId = client.Value, ErrorText = "ETAX-40002 Error di Service" })).Value.Number);
        }

        return numbers;
    }
}
