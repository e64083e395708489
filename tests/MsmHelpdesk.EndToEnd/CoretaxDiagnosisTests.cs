using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

/// <summary>Issue 14's must-show: Coretax tickets get the Coretax scenario, cause, evidence and playbook.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoretaxDiagnosisTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldDiagnoseAnXmlImportAsCoretaxInvoiceDataValidationAndARefusedDesktopReplacementAsRuleChange()
    {
        await using var server = new LiveServer();
        await server.Services.GetRequiredService<IIdentityService>()
            .CreateFirstAdminAsync(new NewUser("budi@msm.co.id", "Budi Santoso", Password, [Roles.Admin, Roles.Consultant]), CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("budi@msm.co.id", Password);
        await page.GotoAsync("/clients/new");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#client-name", "PT Maju Jaya");
        await page.FillAsync("#client-npwp", "01.234.567.4-901.000");
        await page.ClickAsync("#save-client");

        // An XML import refused by Coretax's data validation.
        await page.ClickAsync("#client-new-ticket");
        await Expect(page.Locator("#ticket-client")).ToHaveValueAsync(new Regex("PT Maju"));
        await page.Locator("#ticket-error-text").PressSequentiallyAsync("Impor XML faktur di Coretax: Invoices have errors! NITKU pembeli tidak valid");
        var panel = page.Locator("#diagnosis-panel");
        // The panel follows the typing: wait for the evidence of the whole text (a diagnosis of a partial text, e.g. up to
        // "Invoices", can already name the same scenario), then check what it says.
        var finalEvidence = new LocatorLocatorOptions { HasTextRegex = new Regex("Invoices have errors|NITKU", RegexOptions.IgnoreCase) };
        await Expect(panel.Locator("mark.evidence-mark", finalEvidence).First).ToBeVisibleAsync();
        await Expect(page.Locator("#diagnosis-scenario")).ToContainTextAsync("Faktur di Coretax");
        await Expect(page.Locator("#diagnosis-cause")).ToContainTextAsync("Data ditolak validasi");
        await Expect(page.Locator("#diagnosis-playbook")).ToContainTextAsync("converter DJP");

        // A replacement uploaded from e-Faktur desktop, refused since 8 Nov 2025.
        await page.GotoAsync("/tickets/new");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#ticket-error-text").PressSequentiallyAsync(
            "ETAX-API-10056: Upload faktur pajak keluaran pengganti tidak dapat dilakukan, silahkan meng-upload faktur pajak pengganti melalui aplikasi Coretax");
        await Expect(page.Locator("#diagnosis-cause")).ToContainTextAsync("perubahan aturan");
        await Expect(page.Locator("#diagnosis-playbook")).ToContainTextAsync("Buat penggantian di Coretax");
    }
}
