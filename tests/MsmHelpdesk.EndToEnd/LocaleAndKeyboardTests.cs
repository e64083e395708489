using System.Globalization;
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

/// <summary>
/// A browser that speaks American English in New York: the helpdesk still writes dates day first and times on the
/// 24-hour clock (WIB), and its keyboard shortcuts work.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LocaleAndKeyboardTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";
    private static readonly CultureInfo Indonesian = new("id-ID");

    [Fact]
    public async Task ShouldShowDatesDayFirstAndTimesOnThe24HourClockInAnAmericanBrowser()
    {
        await using var server = new LiveServer();
        var numbers = await SeedAsync(server, tickets: 1);
        var page = await AmericanPageAsync(server, 1366, 900);
        await page.SignInAsync("sari@msm.co.id", Password);

        // The ticket list's date filter, picked on its calendar: day/month/year.
        await page.GotoAsync("/tickets");
        await page.WaitUntilInteractiveAsync();
        var from = page.Locator("#ticket-from");
        await Expect(from).ToHaveAttributeAsync("placeholder", "dd/MM/yyyy");
        await page.Locator(".mud-input-control", new PageLocatorOptions { Has = from }).Locator("button.mud-input-adornment-icon-button, .mud-input-adornment button").First.ClickAsync();
        var calendarDay = page.Locator(".mud-popover-open button.mud-picker-calendar-day:not(.mud-hidden)").Filter(new LocatorFilterOptions { HasTextRegex = new Regex(@"^\s*15\s*$") });
        await calendarDay.First.ClickAsync();
        await Expect(from).ToHaveValueAsync(new Regex(@"^15/\d{2}/\d{4}$"));
        await page.Keyboard.PressAsync("Escape");

        // The KPP visit form: a date typed day first and a time on the 24-hour clock are what the visit keeps.
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1); // KPPs are closed at weekends
        }

        await page.GotoAsync($"/tickets/{numbers[0]}");
        await page.WaitUntilInteractiveAsync();
        await page.ClickAsync("#visit-new");
        await Expect(page.Locator("#visit-date")).ToHaveAttributeAsync("placeholder", "dd/MM/yyyy");
        await page.FillAsync("#visit-date", day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.FillAsync("#visit-time", "14:30");
        await page.Locator("#visit-time").PressAsync("Tab");
        await Expect(page.Locator("#visit-date")).ToHaveValueAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#visit-time")).ToHaveValueAsync("14:30");

        // The clock of the time picker has 24 hours and no AM/PM.
        await page.Locator(".mud-input-control", new PageLocatorOptions { Has = page.Locator("#visit-time") }).Locator(".mud-input-adornment button").First.ClickAsync();
        var clock = page.Locator(".mud-popover-open .mud-picker-timepicker-clock, .mud-popover-open .mud-picker-time-clock").First;
        await Expect(clock).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-popover-open")).Not.ToContainTextAsync(new Regex("AM|PM"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#visit-time")).ToHaveValueAsync("14:30");

        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Pengurus yang datang" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Hendra Wijaya" }).ClickAsync();
        await page.ClickAsync("#visit-save");
        await Expect(page.Locator("#ticket-visits .kpp-visit .visit-when")).ToContainTextAsync($"{day.ToString("d MMM yyyy", Indonesian)} 14.30 WIB");

        // In English the fields keep day/month/year and the 24-hour clock.
        await page.GotoAsync("/culture/set?culture=en-US&redirectUri=%2Ftickets");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#ticket-from")).ToHaveAttributeAsync("placeholder", "dd/MM/yyyy");
        await page.FillAsync("#ticket-from", "03/11/2026");
        await page.Locator("#ticket-from").PressAsync("Tab");
        await Expect(page.Locator("#ticket-from")).ToHaveValueAsync("03/11/2026");
    }

    [Fact]
    public async Task ShouldFollowTheKeyboardShortcutsAndReachTheErrorTextWithinThreeTabs()
    {
        await using var server = new LiveServer();
        var numbers = await SeedAsync(server, tickets: 3);
        var page = await AmericanPageAsync(server, 1366, 900);
        await page.SignInAsync("sari@msm.co.id", Password);
        await page.GotoAsync("/tickets");
        await page.WaitUntilInteractiveAsync();
        var rows = page.Locator("#ticket-grid tbody tr.ticket-row");
        await Expect(rows).ToHaveCountAsync(3);
        var listed = (await rows.Locator("td a").AllTextContentsAsync()).Select(text => text.Trim()).ToArray();
        Assert.Equal(numbers.Order(), listed.Order());
        await page.Locator("h1").ClickAsync();

        // "?" lists the shortcuts; Escape closes the help.
        await page.Keyboard.PressAsync("?");
        var help = page.Locator("#shortcut-help");
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Tiket baru");
        await Expect(help).ToContainTextAsync("Tiket berikutnya");
        await page.ClickAsync("#shortcut-help-close");
        await Expect(help).ToHaveCountAsync(0);

        // "/" puts the cursor in the search box; letters typed there are text, not shortcuts.
        await page.Keyboard.PressAsync("/");
        var search = page.Locator("#ticket-search");
        await Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("nj");
        await Expect(search).ToHaveValueAsync("nj");
        await Expect(page).ToHaveURLAsync(new Regex("/tickets$"));
        await search.FillAsync("");
        await page.Locator("h1").ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);

        // j and k move along the list; Enter opens the current ticket.
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(0)).ToHaveClassAsync(new Regex("shortcut-current"));
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(1)).ToHaveClassAsync(new Regex("shortcut-current"));
        await Expect(rows.Nth(0)).Not.ToHaveClassAsync(new Regex("shortcut-current"));
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(0)).ToHaveClassAsync(new Regex("shortcut-current"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(listed[0]);
        await page.WaitUntilInteractiveAsync();

        // On a ticket, j and k go along the list it was opened from.
        await page.Locator("#ticket-number").ClickAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(listed[1]);
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(listed[2]);
        await page.Keyboard.PressAsync("k");
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(listed[1]);

        // "n" opens a new ticket; from the client, the error text is at most three Tab stops away.
        await page.Keyboard.PressAsync("n");
        await Expect(page).ToHaveURLAsync(new Regex("/tickets/new$"));
        await page.WaitUntilInteractiveAsync();
        var client = page.Locator("#ticket-client");
        await client.PressSequentiallyAsync("Maju");
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new Regex("PT Maju Jaya") }).ClickAsync();
        await Expect(client).ToHaveValueAsync(new Regex("PT Maju Jaya"));
        await Expect(page.Locator("#ticket-contact")).Not.ToBeDisabledAsync();
        await client.FocusAsync();
        var stops = 0;
        while (stops < 3 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "ticket-error-text")
        {
            await page.Keyboard.PressAsync("Tab");
            stops++;
        }

        Assert.Equal("ticket-error-text", await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        Assert.InRange(stops, 1, 3);
    }

    private async Task<IPage> AmericanPageAsync(LiveServer server, int width, int height)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = "en-US",
            TimezoneId = "America/New_York",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A consultant with <paramref name="tickets"/> tickets of a client that has a pengurus; their numbers.</summary>
    private static async Task<IReadOnlyList<string>> SeedAsync(LiveServer server, int tickets)
    {
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("admin@msm.co.id", "Admin", Password, [Roles.Admin]), CancellationToken.None);
        var sari = (await identity.CreateUserAsync(new NewUser("sari@msm.co.id", "Sari Konsultan", Password, [Roles.Consultant]), CancellationToken.None)).Value;
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var client = await sender.Send(new CreateClientCommand
        {
            Name = "PT Maju Jaya",
            Npwp = "01.234.567.4-901.000",
            Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            Officers = [new OfficerInput { Name = "Hendra Wijaya" }],
        });
        Assert.True(client.IsSuccess, client.Error?.Message);
        var numbers = new List<string>();
        for (var i = 0; i < tickets; i++)
        {
            var ticket = await sender.Send(new CreateTicketCommand { ClientId = client.Value, ErrorText = $"ETAX-40002 Error di Service ({i + 1})", AssigneeId = sari });
            Assert.True(ticket.IsSuccess, ticket.Error?.Message);
            numbers.Add(ticket.Value.Number);
        }

        return numbers;
    }
}
