using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SlaSettingsTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldLetAManagerFixATargetNextToItsFieldAndKeepAHolidayCalendar()
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("admin@msm.co.id", "Sri Admin", Password, [Roles.Admin]), CancellationToken.None);
        await identity.CreateUserAsync(new NewUser("maya@msm.co.id", "Maya Manajer", Password, [Roles.Manager]), CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("maya@msm.co.id", Password);

        await page.ClickAsync("a[href='/admin/sla']");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("SLA dan kalender kerja");

        await page.FillAsync("#sla-resolution-high", "1");
        await page.ClickAsync("#save-sla-policy-high");
        await Expect(page.Locator("#sla-policy-high")).ToContainTextAsync("tidak boleh lebih pendek");
        await Expect(page.Locator("#sla-resolution-high")).ToHaveValueAsync("1");

        await page.FillAsync("#sla-resolution-high", "12");
        await page.ClickAsync("#save-sla-policy-high");
        await Expect(page.Locator("#sla-policy-high")).ToContainTextAsync("Maya Manajer");
        await Expect(page.Locator("#sla-changes")).ToContainTextAsync("policy High: first response 120 → 120 min, resolution 960 → 720 min");

        await page.ClickAsync("#save-sla-holiday");
        await Expect(page.Locator("#sla-holidays")).ToContainTextAsync("Wajib diisi.");
        var year = DateTime.UtcNow.AddHours(7).Year;
        await page.FillAsync("#sla-holiday-date", $"25/12/{year}");
        await page.FillAsync("#sla-holiday-name", "Hari Raya Natal");
        await page.ClickAsync("#save-sla-holiday");
        await Expect(page.Locator("#sla-holiday-table")).ToContainTextAsync("Hari Raya Natal");
        await Expect(page.Locator("#sla-changes")).ToContainTextAsync($"holiday added: {year}-12-25 Hari Raya Natal");
    }
}
