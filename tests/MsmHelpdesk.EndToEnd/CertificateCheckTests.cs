using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class CertificateCheckTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";
    private const string Passphrase = "Sertel#MajuJaya2024";

    [Fact]
    public async Task ShouldShowExpiredWithItsDateThenWrongPassphraseForAnUploadedP12()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        var created = await server.Services.GetRequiredService<IIdentityService>()
            .CreateFirstAdminAsync(new NewUser("budi@msm.co.id", "Budi Santoso", Password, [Roles.Admin, Roles.Consultant]), CancellationToken.None);
        Assert.True(created.IsSuccess);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("budi@msm.co.id", Password);

        await page.GotoAsync("/clients/new");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#client-name", "PT Maju Jaya");
        await page.FillAsync("#client-npwp", "01.234.567.4-901.000");
        await page.ClickAsync("#save-client");
        await Expect(page.Locator("#client-npwp-value")).ToHaveTextAsync("01.234.567.4-901.000");
        await Expect(page.Locator("#certificate-last-check")).ToContainTextAsync("belum pernah diperiksa");

        // The consultant picks the client's expired .p12 and types its passphrase.
        await page.SetInputFilesAsync("#certificate-file", new FilePayload
        {
            Name = "0012345674901000.p12",
            MimeType = "application/x-pkcs12",
            Buffer = ExpiredCertificate(),
        });
        await page.FillAsync("#certificate-passphrase", Passphrase);
        await page.ClickAsync("#check-certificate");
        await Expect(page.Locator("#certificate-check-result")).ToContainTextAsync("Sertifikat kedaluwarsa pada 10 Jan 2025");
        await Expect(page.Locator("#certificate-passphrase")).ToHaveValueAsync("");
        await Expect(page.Locator("#certificate-passphrase")).ToHaveAttributeAsync("type", "password");
        await Expect(page.Locator("#client-cert-state")).ToContainTextAsync("Kedaluwarsa");
        await Expect(page.Locator("#certificate-last-check")).ToContainTextAsync("Budi Santoso");
        await Expect(page.Locator("#certificate-last-check")).ToContainTextAsync("WIB");

        // The same file with a passphrase typed wrong.
        await page.FillAsync("#certificate-passphrase", "sertel#majujaya2024");
        await page.ClickAsync("#check-certificate");
        await Expect(page.Locator("#certificate-check-result")).ToContainTextAsync("Passphrase salah");
        await Expect(page.Locator("#certificate-passphrase")).ToHaveValueAsync("");
        await Expect(page.Locator("#certificate-last-check")).ToContainTextAsync("Passphrase salah");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(Passphrase);
    }

    /// <summary>A real PKCS#12 like DJP's: RSA key, NPWP in the subject, expired on 10 Jan 2025 (WIB).</summary>
    private static byte[] ExpiredCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PT MAJU JAYA, SERIALNUMBER=0012345674901000, C=ID", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(
            new DateTimeOffset(2023, 1, 10, 5, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 1, 10, 5, 0, 0, TimeSpan.Zero));
        return certificate.Export(X509ContentType.Pkcs12, Passphrase);
    }
}
