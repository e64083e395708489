using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ApiKeyAdministrationTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldLetAnAdminCreateAKeyThatWorksUntilItIsRevoked()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        await server.Services.GetRequiredService<IIdentityService>()
            .CreateFirstAdminAsync(new NewUser("admin@msm.co.id", "Sri Admin", Password, [Roles.Admin]), CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@msm.co.id", Password);

        await page.ClickAsync("a[href='/admin/api-keys']");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kunci API");
        await page.ClickAsync("#add-api-key");
        await page.ClickAsync("#save-api-key");
        await Expect(page.Locator("#new-api-key-form")).ToContainTextAsync("Wajib diisi.");

        await page.FillAsync("#api-key-name", "Portal klien");
        await page.Locator("#new-api-key-form").GetByText("Manajer").ClickAsync();
        await page.ClickAsync("#save-api-key");
        await Expect(page.Locator("#new-api-key-panel")).ToContainTextAsync("tidak akan ditampilkan lagi");
        var key = await page.Locator("#new-api-key").InputValueAsync();
        var table = page.Locator("#api-keys-table");
        await Expect(table).ToContainTextAsync("Portal klien");
        await Expect(table).ToContainTextAsync("Manajer");
        await Expect(table).ToContainTextAsync(key[..12]);
        Assert.Matches("^msm_[a-z0-9]{8}_[A-Za-z0-9]{40}$", key);

        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/tickets")).StatusCode);

        await page.ClickAsync("#api-key-done");
        await Expect(page.Locator("#new-api-key-panel")).ToBeHiddenAsync();
        await page.ClickAsync($"#revoke-{key[..12]}");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cabut" }).ClickAsync();
        await Expect(table).ToContainTextAsync("Dicabut");
        await Expect(page.Locator($"#revoke-{key[..12]}")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/tickets")).StatusCode);
    }
}
