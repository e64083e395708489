using System.Net;
using ClosedXML.Excel;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Reports;

/// <summary>The report page, its drill-down and its downloads: Managers and Admins only.</summary>
public sealed class ReportPageTests
{
    [Theory]
    [InlineData("/reports")]
    [InlineData("/reports/tickets?scenario=upload&cause=network")]
    [InlineData("/reports/export?format=xlsx")]
    public async Task ShouldRefuseAConsultantTheReports(string path)
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied?", HelpdeskWebFactory.RedirectTarget(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldShowTheReportsLinkOnlyToManagersAndAdmins()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        await factory.CreateUserAsync("mira@msm.co.id", Roles.Manager);
        var consultant = factory.Browser();
        var manager = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(consultant, "budi@msm.co.id");
        await HelpdeskWebFactory.SignInAsync(manager, "mira@msm.co.id");

        var consultantHome = await consultant.GetStringAsync("/");
        var managerHome = await manager.GetStringAsync("/");

        Assert.DoesNotContain("href=\"/reports\"", consultantHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports\"", managerHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldLetAManagerOpenTheReportAndDownloadItAsXlsxAndCsv()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("mira@msm.co.id", Roles.Manager);
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "mira@msm.co.id");

        var page = await browser.GetAsync("/reports?from=2026-01-01&to=2026-03-31");
        var xlsx = await browser.GetAsync("/reports/export?format=xlsx&from=2026-01-01&to=2026-03-31");
        var csv = await browser.GetAsync("/reports/export?format=csv&section=certificates&csv=data");
        var bad = await browser.GetAsync("/reports/export?format=pdf");
        var inverted = await browser.GetAsync("/reports/export?format=csv&from=2026-03-01&to=2026-01-01");

        Assert.True(page.StatusCode == HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("msm-report-2026-01-01-2026-03-31.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var backlog = workbook.Worksheet("backlog");
        Assert.Equal(["New", "Triaged", "InProgress", "WaitingOnClient", "WaitingOnKpp"], Enumerable.Range(2, 5).Select(r => backlog.Cell(r, 1).GetString()));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim('\uFEFF').Trim().Split("\r\n");
        Assert.Equal(["expired,0,0", "0-30,0,0", "31-60,0,0", "61-90,0,0"], lines.Skip(1));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
    }
}
