using System.Net;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web;

public sealed class AccessTests
{
    [Fact]
    public async Task ShouldAnswerHealthWith200()
    {
        await using var factory = new HelpdeskWebFactory();
        // "Healthy" once the classifier has trained (the host starts the training; "Degraded" until then, still 200).
        await MsmHelpdesk.Domain.Classification.Classifier.WarmUpAsync();

        var response = await factory.Browser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/jobs")]
    [InlineData("/account/access-denied")]
    public async Task ShouldSendAnonymousVisitorsToSignIn(string path)
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();

        var response = await factory.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", HelpdeskWebFactory.RedirectTarget(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/admin/users")]
    public async Task ShouldRefuseAConsultantTheJobsDashboardAndAdminScreens(string path)
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant, Roles.Manager);
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied?", HelpdeskWebFactory.RedirectTarget(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldOpenTheJobsDashboardAndUserAdministrationToAnAdmin()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "admin@msm.co.id");

        var jobs = await browser.GetAsync("/jobs");
        var users = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("Hangfire", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task ShouldTellASignedInUserWhenAPageDoesNotExist()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "admin@msm.co.id");

        var response = await browser.GetAsync("/tidak-ada");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/catalogue", "ETAX-40002")]
    [InlineData("/reports/classifier", "<h1")]
    [InlineData("/admin/sla", "sla-policy-urgent")]
    public async Task ShouldShowKnowledgePagesToAManagerOnly(string path, string expected)
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("maya@msm.co.id", Roles.Manager);
        await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        var manager = factory.Browser();
        var consultant = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(manager, "maya@msm.co.id");
        await HelpdeskWebFactory.SignInAsync(consultant, "budi@msm.co.id");

        var page = await manager.GetAsync(path);
        var refused = await consultant.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(expected, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", HelpdeskWebFactory.RedirectTarget(refused), StringComparison.Ordinal);
    }
}
