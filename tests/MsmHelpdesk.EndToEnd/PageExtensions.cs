using Microsoft.Playwright;

namespace MsmHelpdesk.EndToEnd;

public static class PageExtensions
{
    /// <summary>Clicks on a Blazor page are lost until its circuit is live: wait for the shell to say so.</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("#app-shell[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
}
