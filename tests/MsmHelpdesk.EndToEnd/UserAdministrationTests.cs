using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldLetAnAdminCreateAConsultantWhoThenCannotReachAdminScreens()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        await server.Services.GetRequiredService<IIdentityService>()
            .CreateFirstAdminAsync(new NewUser("admin@msm.co.id", "Sri Admin", Password, [Roles.Admin]), CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@msm.co.id", Password);

        await page.ClickAsync("a[href='/admin/users']");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pengguna");
        await page.ClickAsync("#add-user");

        // A bad e-mail and a weak password: messages next to the fields, the name stays typed.
        await page.FillAsync("#new-display-name", "Budi <script>alert(1)</script>");
        await page.FillAsync("#new-email", "budi-at-msm");
        await page.FillAsync("#new-password", "lemah");
        await page.FillAsync("#new-confirm-password", "lemah");
        await page.ClickAsync("#save-new-user");
        var form = page.Locator("#new-user-form");
        await Expect(form).ToContainTextAsync("Format e-mail tidak valid");
        await Expect(form).ToContainTextAsync("Kata sandi minimal 10 karakter.");
        await Expect(page.Locator("#new-display-name")).ToHaveValueAsync("Budi <script>alert(1)</script>");

        await page.FillAsync("#new-email", "budi@msm.co.id");
        await page.FillAsync("#new-password", "Konsultan2026");
        await page.FillAsync("#new-confirm-password", "Konsultan2026");
        await page.ClickAsync("#save-new-user");
        await Expect(form).ToBeHiddenAsync();
        var grid = page.Locator("#users-grid");
        await Expect(grid).ToContainTextAsync("budi@msm.co.id");
        await Expect(grid).ToContainTextAsync("Budi <script>alert(1)</script>");
        await Expect(grid).ToContainTextAsync("Konsultan");
        await Expect(grid).ToContainTextAsync("Baris per halaman:");
        await Expect(grid).ToContainTextAsync("1-2 dari 2");

        await page.ClickAsync("#sign-out");
        await page.SignInAsync("budi@msm.co.id", "Konsultan2026");
        await Expect(page.Locator("#home-greeting")).ToContainTextAsync("Budi");
        await Expect(page.Locator("a[href='/admin/users']")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        var jobs = await page.GotoAsync("/jobs");
        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        Assert.DoesNotContain("Hangfire", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.NotNull(jobs);
    }

}
