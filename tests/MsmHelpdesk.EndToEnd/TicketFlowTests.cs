using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class TicketFlowTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";
    private static readonly int Year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

    [Fact]
    public async Task ShouldRegisterAClientThenLogWorkAndResolveATicket()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        await CreateUserAsync(server, "budi@msm.co.id", "Budi Santoso", first: true);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        var scriptRan = false;
        page.Dialog += (_, dialog) => { scriptRan = true; _ = dialog.DismissAsync(); };
        await page.SignInAsync("budi@msm.co.id", Password);

        // A wrong check digit is refused next to the field, and what was typed stays.
        await page.GotoAsync("/clients/new");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#client-name", "PT Maju <img src=x onerror=alert(1)> Jaya");
        await page.FillAsync("#client-npwp", "01.234.567.5-901.000");
        await page.FillAsync("#client-cert-issued", "01/12/2024");
        await page.ClickAsync("#save-client");
        await Expect(page.Locator("#client-form")).ToContainTextAsync("Digit kontrol NPWP (digit ke-9) tidak cocok");
        await Expect(page.Locator("#client-npwp")).ToHaveValueAsync("01.234.567.5-901.000");
        await Expect(page.Locator("#client-name")).ToHaveValueAsync("PT Maju <img src=x onerror=alert(1)> Jaya");

        await page.FillAsync("#client-npwp", "01.234.567.4-901.000");
        await page.ClickAsync("#save-client");
        await Expect(page.Locator("#client-npwp-value")).ToHaveTextAsync("01.234.567.4-901.000");
        await Expect(page.Locator("#client-title")).ToHaveTextAsync("PT Maju <img src=x onerror=alert(1)> Jaya");
        await Expect(page.Locator("#client-details img")).ToHaveCountAsync(0);

        await page.FillAsync("#contact-name", "Ani");
        await page.FillAsync("#contact-phone", "0812-3456-7890");
        await page.ClickAsync("#add-contact");
        await Expect(page.Locator("#client-contacts")).ToContainTextAsync("6281234567890");

        // Log a ticket for this client.
        await page.ClickAsync("#client-new-ticket");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tiket baru");
        await page.FillAsync("#ticket-error-text", "ETAX-40002: Error di Service");
        await page.FillAsync("#ticket-activity", "upload faktur");
        await page.FillAsync("#ticket-description", "<script>alert('x')</script> javascript:alert(1)");
        await Expect(page.Locator("#ticket-client")).ToHaveValueAsync(new Regex("PT Maju"));
        await page.ClickAsync("#ticket-contact");
        var ani = page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Ani" });
        await ani.ClickAsync();
        await Expect(ani).ToBeHiddenAsync();
        await page.ClickAsync("#save-ticket");
        var number = $"MSM-{Year}-000001";
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Baru");
        await Expect(page.Locator("#whatsapp-link")).ToBeVisibleAsync();
        await Expect(page.Locator("#details-description")).ToHaveTextAsync("<script>alert('x')</script> javascript:alert(1)");

        // Move it along, note, attach a screenshot.
        await page.ClickAsync("#move-triaged");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Ditriase");
        await page.ClickAsync("#move-inprogress");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Dikerjakan");
        await page.FillAsync("#note-text", "Klien sudah restart uploader");
        await page.ClickAsync("#add-note");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("Klien sudah restart uploader");
        var screenshot = Path.Combine(Path.GetTempPath(), $"layar-{Guid.NewGuid():N}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        await page.SetInputFilesAsync("#attachment-input", screenshot);
        await Expect(page.Locator("#attachments")).ToContainTextAsync(Path.GetFileName(screenshot));
        await Expect(page.Locator("#attachments")).ToContainTextAsync("image/png");

        // Resolving needs a summary.
        await page.ClickAsync("#move-resolved");
        await Expect(page.Locator("#status-panel")).ToContainTextAsync("Isi ringkasan penyelesaian");
        await page.FillAsync("#resolution-summary", "Sertifikat diunduh ulang dari e-Nofa dan diimpor");
        await page.ClickAsync("#move-resolved");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Selesai");
        await Expect(page.Locator("#resolution")).ToContainTextAsync("Sertifikat diunduh ulang");

        var whatsApp = await page.Locator("#whatsapp-link").GetAttributeAsync("href");
        Assert.StartsWith("https://wa.me/6281234567890?text=", whatsApp, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(number), whatsApp, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("Selesai"), whatsApp, StringComparison.Ordinal);
        // A finished ticket's message thanks the client and promises no further news.
        Assert.DoesNotContain(Uri.EscapeDataString("mengabari"), whatsApp, StringComparison.Ordinal);

        // The ticket is findable from the list by client name.
        await page.GotoAsync("/tickets?q=all");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#ticket-search", "maju");
        await Expect(page.Locator("#ticket-grid")).ToContainTextAsync(number);
        Assert.False(scriptRan, "a script from user input ran");
    }

    [Fact]
    public async Task ShouldShowTheSecondEditorAConflictAndLoseNothing()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        await CreateUserAsync(server, "budi@msm.co.id", "Budi Santoso", first: true);
        await CreateUserAsync(server, "citra@msm.co.id", "Citra Dewi", first: false);
        await using var budiContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        await using var citraContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var budi = await budiContext.NewPageAsync();
        var citra = await citraContext.NewPageAsync();
        await budi.SignInAsync("budi@msm.co.id", Password);
        await citra.SignInAsync("citra@msm.co.id", Password);

        await budi.GotoAsync("/clients/new");
        await budi.WaitUntilInteractiveAsync();
        await budi.FillAsync("#client-name", "CV Sentosa Makmur");
        await budi.FillAsync("#client-npwp", "02.123.456.2-011.001");
        await budi.ClickAsync("#save-client");
        await budi.ClickAsync("#client-new-ticket");
        await budi.FillAsync("#ticket-error-text", "ETAX-40001 Tidak dapat menghubungi E-TaxInvoice Server");
        await budi.ClickAsync("#save-ticket");
        var number = $"MSM-{Year}-000001";
        await Expect(budi.Locator("#ticket-number")).ToHaveTextAsync(number);

        await citra.GotoAsync($"/tickets/{number}");
        await citra.WaitUntilInteractiveAsync();
        await Expect(citra.Locator("#ticket-number")).ToHaveTextAsync(number);

        await budi.ClickAsync("#edit-details");
        await budi.FillAsync("#ticket-description", "Klien pakai proxy kantor");
        await budi.ClickAsync("#save-edit");
        await Expect(budi.Locator("#timeline")).ToContainTextAsync("Klien pakai proxy kantor");

        await citra.ClickAsync("#edit-details");
        await citra.FillAsync("#ticket-description", "Jam komputer klien salah");
        await citra.ClickAsync("#save-edit");
        var notice = citra.Locator("#conflict-notice");
        await Expect(notice).ToContainTextAsync("baru saja diubah oleh Budi Santoso");
        await Expect(notice).ToContainTextAsync("Klien pakai proxy kantor");
        await Expect(citra.Locator("#ticket-description")).ToHaveValueAsync("Jam komputer klien salah");

        await citra.ClickAsync("#conflict-keep-mine");
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(citra.Locator("#details-description")).ToHaveTextAsync("Jam komputer klien salah");
        await budi.ReloadAsync();
        await budi.WaitUntilInteractiveAsync();
        await Expect(budi.Locator("#details-description")).ToHaveTextAsync("Jam komputer klien salah");
        await Expect(budi.Locator("#timeline")).ToContainTextAsync("Klien pakai proxy kantor");
    }

    private static async Task CreateUserAsync(LiveServer server, string email, string name, bool first)
    {
        var identity = server.Services.GetRequiredService<IIdentityService>();
        var user = new NewUser(email, name, Password, first ? [Roles.Admin, Roles.Consultant] : [Roles.Consultant]);
        var created = first ? await identity.CreateFirstAdminAsync(user, CancellationToken.None) : await identity.CreateUserAsync(user, CancellationToken.None);
        Assert.True(created.IsSuccess);
    }

}
