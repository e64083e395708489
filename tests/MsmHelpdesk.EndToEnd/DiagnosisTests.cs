using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DiagnosisTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldSuggestUploadAndExpiredWhileTypingAndKeepTheConfirmation()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        await server.Services.GetRequiredService<IIdentityService>()
            .CreateFirstAdminAsync(new NewUser("budi@msm.co.id", "Budi Santoso", Password, [Roles.Admin, Roles.Consultant]), CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("budi@msm.co.id", Password);

        await page.GotoAsync("/clients/new");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#client-name", "PT Maju Jaya");
        await page.FillAsync("#client-npwp", "01.234.567.4-901.000");
        await page.ClickAsync("#save-client");
        await page.ClickAsync("#client-new-ticket");
        await Expect(page.Locator("#ticket-client")).ToHaveValueAsync(new Regex("PT Maju"));

        // The suggestion follows the typing, with the words that decided it marked in the text.
        await page.Locator("#ticket-error-text").PressSequentiallyAsync("ETAX-40002 waktu upload, sertifikat sudah lebih dari 2 tahun");
        var panel = page.Locator("#diagnosis-panel");
        await Expect(page.Locator("#diagnosis-scenario")).ToContainTextAsync("Upload");
        await Expect(page.Locator("#diagnosis-cause")).ToContainTextAsync("Sertifikat kedaluwarsa");
        await Expect(panel.Locator("mark.evidence-mark").First).ToBeVisibleAsync();
        // The marks follow the typing: wait for the ones of the finished text before reading them all.
        await Expect(panel.Locator("mark.evidence-mark", new() { HasTextRegex = new Regex("2 tahun|sertifikat", RegexOptions.IgnoreCase) }).First).ToBeVisibleAsync();
        var marked = await panel.Locator("mark.evidence-mark").AllTextContentsAsync();
        Assert.Contains(marked, text => text.Contains("upload", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(marked, text => text.Contains("2 tahun", StringComparison.OrdinalIgnoreCase) || text.Contains("sertifikat", StringComparison.OrdinalIgnoreCase));
        await Expect(page.Locator("#diagnosis-playbook")).ToContainTextAsync("KPP");

        await page.ClickAsync("#save-ticket");
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(new Regex(@"MSM-\d{4}-000001"));
        await Expect(page.Locator("#diagnosis-cause")).ToContainTextAsync("Sertifikat kedaluwarsa");
        await page.ClickAsync("#confirm-diagnosis");
        await Expect(page.Locator("#diagnosis-confirmed")).ToContainTextAsync("Sertifikat kedaluwarsa");

        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#diagnosis-confirmed")).ToContainTextAsync("Upload");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("menetapkan diagnosis");
    }
}
