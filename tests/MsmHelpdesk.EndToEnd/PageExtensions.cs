using Microsoft.Playwright;

namespace MsmHelpdesk.EndToEnd;

public static class PageExtensions
{
    /// <summary>Clicks on a Blazor page are lost until its circuit is live: wait for the shell to say so.</summary>
    /// <summary>Signs in through the real form and waits for the live shell.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitUntilInteractiveAsync();
    }

    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("#app-shell[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
}
