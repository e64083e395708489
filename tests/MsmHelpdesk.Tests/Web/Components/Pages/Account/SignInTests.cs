using System.Net;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Account;

public sealed class SignInTests
{
    private static readonly Dictionary<string, string> GoodAdmin = new()
    {
        ["Input.DisplayName"] = "Sri Admin",
        ["Input.Email"] = "admin@msm.co.id",
        ["Input.Password"] = HelpdeskWebFactory.Password,
        ["Input.ConfirmPassword"] = HelpdeskWebFactory.Password,
    };

    [Fact]
    public async Task ShouldSendAFreshInstallationToSetup()
    {
        await using var factory = new HelpdeskWebFactory();

        var login = await factory.Browser().GetAsync("/account/login");
        var setup = await factory.Browser().GetStringAsync("/setup");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/setup", HelpdeskWebFactory.RedirectTarget(login));
        Assert.Contains("<h1>Penyiapan awal</h1>", setup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldCreateTheAdminThroughTheSetupFormThenCloseIt()
    {
        await using var factory = new HelpdeskWebFactory();
        var browser = factory.Browser();

        var created = await HelpdeskWebFactory.PostFormAsync(browser, "/setup", "setup", GoodAdmin);
        var again = await browser.GetStringAsync("/setup");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account/login?setup=done", HelpdeskWebFactory.RedirectTarget(created));
        Assert.Contains("id=\"setup-closed\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Password\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldShowFieldErrorsOnSetupKeepTheInputAndCreateNothing()
    {
        await using var factory = new HelpdeskWebFactory();

        var response = await HelpdeskWebFactory.PostFormAsync(factory.Browser(), "/setup", "setup", new Dictionary<string, string>(GoodAdmin)
        {
            ["Input.Email"] = "bukan-email",
            ["Input.DisplayName"] = "<script>alert(1)</script>",
            ["Input.Password"] = "pendek",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"email-error\" role=\"alert\">Format e-mail tidak valid", html, StringComparison.Ordinal);
        Assert.Contains("id=\"password-error\" role=\"alert\">Kata sandi minimal 10 karakter.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"bukan-email\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.True(await factory.Services.GetRequiredService<IIdentityService>().IsSetupOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ShouldSignInReachHomeAndSignOut()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var browser = factory.Browser();

        var signIn = await HelpdeskWebFactory.SignInAsync(browser, "admin@msm.co.id");
        var home = await browser.GetStringAsync("/");
        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HelpdeskWebFactory.TokenIn(home)!,
        }));
        var afterSignOut = await browser.GetAsync("/");

        Assert.Equal("/", HelpdeskWebFactory.RedirectTarget(signIn));
        Assert.Contains("Selamat datang, Sri Admin", home, StringComparison.Ordinal);
        Assert.Equal("/account/login", HelpdeskWebFactory.RedirectTarget(signOut));
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task ShouldRefuseSignOutWithoutAntiforgeryToken()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "admin@msm.co.id");

        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ShouldSayWhatIsWrongWithAFailedSignIn()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();

        var empty = await HelpdeskWebFactory.SignInAsync(factory.Browser(), "", "");
        var wrong = await HelpdeskWebFactory.SignInAsync(factory.Browser(), "admin@msm.co.id", "SalahSandi123");
        var emptyHtml = await empty.Content.ReadAsStringAsync();

        Assert.Contains("id=\"email-error\" role=\"alert\">Wajib diisi.", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"password-error\" role=\"alert\">Wajib diisi.", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("E-mail atau kata sandi salah.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("value=\"admin@msm.co.id\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldLockTheAccountAfterFiveFailedSignIns()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await HelpdeskWebFactory.SignInAsync(factory.Browser(), "admin@msm.co.id", "SalahSandi123");
        }

        var rightPassword = await HelpdeskWebFactory.SignInAsync(factory.Browser(), "admin@msm.co.id");

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("Akun dikunci sementara", await rightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRefuseADeactivatedUser()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var budi = await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        await factory.Services.GetRequiredService<IIdentityService>().SetActiveAsync(budi, false, CancellationToken.None);

        var response = await HelpdeskWebFactory.SignInAsync(factory.Browser(), "budi@msm.co.id");

        Assert.Contains("Akun ini dinonaktifkan. Hubungi Admin.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRememberTheChosenLanguage()
    {
        await using var factory = new HelpdeskWebFactory();
        var browser = factory.Browser();

        var switched = await browser.GetAsync("/culture/set?culture=en-US&redirectUri=/setup");
        var setup = await browser.GetStringAsync("/setup");
        var offsite = await browser.GetAsync("/culture/set?culture=en-US&redirectUri=//evil.example");

        Assert.Equal("/setup", HelpdeskWebFactory.RedirectTarget(switched));
        Assert.Contains("<h1>First-run setup</h1>", setup, StringComparison.Ordinal);
        Assert.Equal("/", HelpdeskWebFactory.RedirectTarget(offsite));
    }
}
