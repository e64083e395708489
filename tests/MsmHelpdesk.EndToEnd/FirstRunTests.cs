using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldGoFromAFreshDatabaseThroughSetupToSignInLanguageAndSignOut()
    {
        await using var server = new LiveServer();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();

        // A fresh installation opens on the one-time setup page, in Bahasa Indonesia.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Penyiapan awal");

        // Bad input: a message next to each field, what was typed is kept.
        await page.FillAsync("#email", "bukan-email");
        await page.ClickAsync("#create-admin");
        await Expect(page.Locator("#email-error")).ToContainTextAsync("Format e-mail tidak valid");
        await Expect(page.Locator("#displayname-error")).ToHaveTextAsync("Wajib diisi.");
        await Expect(page.Locator("#email")).ToHaveValueAsync("bukan-email");

        await page.FillAsync("#display-name", "Sri Admin");
        await page.FillAsync("#email", "admin@msm.co.id");
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm-password", Password);
        await page.ClickAsync("#create-admin");

        await Expect(page.Locator("#setup-done")).ToBeVisibleAsync();
        await page.FillAsync("#email", "admin@msm.co.id");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");

        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#home-greeting")).ToHaveTextAsync("Selamat datang, Sri Admin");
        await Expect(page.Locator("#team-overview")).ToContainTextAsync("Admin aktif");

        await page.ClickAsync("#language-menu button");
        await page.GetByText("English", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#home-greeting")).ToHaveTextAsync("Welcome, Sri Admin");

        await page.ClickAsync("#sign-out");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        // Setup is closed for good.
        await page.GotoAsync("/setup");
        await Expect(page.Locator("#setup-closed")).ToBeVisibleAsync();
    }
}
