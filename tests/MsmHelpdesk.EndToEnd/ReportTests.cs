using ClosedXML.Excel;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Jobs;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ReportTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldLetAManagerFilterOpenAMatrixCellAndExportWhileAConsultantIsRefused()
    {
        await using var server = new LiveServer();
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("mira@msm.co.id", "Mira Manajer", Password, [Roles.Admin, Roles.Manager]), CancellationToken.None);
        var ani = (await identity.CreateUserAsync(new NewUser("ani@msm.co.id", "Ani", Password, [Roles.Consultant]), CancellationToken.None)).Value;
        var budi = (await identity.CreateUserAsync(new NewUser("budi@msm.co.id", "Budi", Password, [Roles.Consultant]), CancellationToken.None)).Value;

        // Ani: two upload/expired-certificate tickets; Budi: one upload/network. Sent as the operator, as a job would.
        var numbers = new Dictionary<string, List<string>> { [ani] = [], [budi] = [] };
        await using (var scope = server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var client = (await sender.Send(new CreateClientCommand { Name = "PT Maju Jaya", Npwp = "01.234.567.4-901.000", Kpp = "KPP Satu" })).Value;
            foreach (var (assignee, cause) in new[] { (ani, "expired-certificate"), (ani, "expired-certificate"), (budi, "network") })
            {
                var ticket = (await sender.Send(new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service", AssigneeId = assignee })).Value;
                Assert.True((await sender.Send(new ConfirmDiagnosisCommand { TicketId = ticket.Id, Scenario = "upload", Cause = cause })).IsSuccess);
                numbers[assignee].Add(ticket.Number);
            }
        }

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SignInAsync("mira@msm.co.id", Password);
        await page.ClickAsync("#nav-reports");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Laporan penyelesaian");
        var matrix = page.Locator("#matrix-table");
        await Expect(matrix.Locator("a.matrix-cell[data-cause='network']")).ToHaveTextAsync("1");
        await Expect(matrix.Locator("a.matrix-cell[data-cause='expired-certificate']")).ToHaveTextAsync("2");

        // Filter by consultant: Budi's network ticket leaves the matrix.
        await page.ClickAsync("#filter-consultant");
        var option = page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Ani" });
        await option.ClickAsync();
        await Expect(option).ToBeHiddenAsync();
        await page.ClickAsync("#apply-filters");
        await Expect(page).ToHaveURLAsync(new Regex($"consultant={ani}"));
        await Expect(matrix.Locator("a.matrix-cell[data-cause='network']")).ToHaveCountAsync(0);
        await Expect(matrix.Locator("a.matrix-cell[data-cause='expired-certificate']")).ToHaveTextAsync("2");
        await Expect(page.Locator("#section-workload")).ToContainTextAsync("Ani");
        await Expect(page.Locator("#section-workload")).Not.ToContainTextAsync("Budi");

        // Export the filtered report as XLSX and read it back.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        var path = Path.Combine(Path.GetTempPath(), $"msm-report-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet("matrix");
            Assert.Equal("Skenario", sheet.Cell(1, 1).GetString());
            Assert.Equal(["upload", "expired-certificate", "2", "2"], Enumerable.Range(1, 4).Select(c => sheet.Cell(2, c).GetString()));
            Assert.True(sheet.Cell(3, 1).IsEmpty());
            Assert.Contains(workbook.Worksheets, w => w.Name == "weekly");
        }
        finally
        {
            File.Delete(path);
        }

        // The cell opens its tickets, with the filter kept.
        await page.ClickAsync("a.matrix-cell[data-cause='expired-certificate']");
        await Expect(page).ToHaveURLAsync(new Regex("/reports/tickets\\?scenario=upload&cause=expired-certificate&consultant="));
        var drill = page.Locator("#drill-tickets");
        foreach (var number in numbers[ani])
        {
            await Expect(drill).ToContainTextAsync(number);
        }

        await Expect(drill).Not.ToContainTextAsync(numbers[budi][0]);
        await Expect(page.Locator("#drill-total")).ToContainTextAsync("2 tiket");

        // A consultant neither sees the link nor reaches the page.
        await using var consultantContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var consultant = await consultantContext.NewPageAsync();
        await consultant.SignInAsync("budi@msm.co.id", Password);
        await Expect(consultant.Locator("#nav-reports")).ToHaveCountAsync(0);
        await consultant.GotoAsync("/reports");
        await Expect(consultant).ToHaveURLAsync(new Regex("/account/access-denied"));
        var export = await consultant.APIRequest.GetAsync("/reports/export?format=xlsx", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(302, export.Status);
        Assert.Contains("/account/access-denied", export.Headers["location"], StringComparison.Ordinal);
    }
}
