using Microsoft.Playwright;

namespace MsmHelpdesk.EndToEnd;

/// <summary>
/// Pictures for the documentation: written to the folder named by MSM_SCREENSHOTS (e.g. docs/images) when it is set,
/// so an ordinary test run leaves the working tree alone.
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "MSM_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = false });
    }
}
