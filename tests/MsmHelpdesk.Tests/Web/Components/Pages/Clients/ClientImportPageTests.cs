using System.Globalization;
using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web;
using MsmHelpdesk.Web.Components.Pages.Clients;
using MudBlazor.Services;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Clients;

public sealed class ClientImportPageTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    public ClientImportPageTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldOpenTheImportPageToConsultantsAndSendAnonymousVisitorsToSignIn()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var anonymous = await factory.Browser().GetAsync("/clients/import");
        var page = await browser.GetAsync("/clients/import");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", HelpdeskWebFactory.RedirectTarget(anonymous), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Impor klien dari CSV", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldImportAnUploadedFileAndListEachBadRowWithItsLine()
    {
        await using var context = await NewContextAsync();
        var cut = context.Render<ClientImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "name,npwp\nPT Sinar Jaya,01.234.567.4-018.000\nPT Salah,01.234.567.5-018.000\n", "klien.csv"));

        cut.WaitForAssertion(() => Assert.Contains("3", cut.Find("#client-import-problems tbody td").TextContent, StringComparison.Ordinal));
        var cells = cut.FindAll("#client-import-problems tbody td").Select(cell => cell.TextContent.Trim()).ToArray();
        Assert.Equal(["3", "npwp: Digit kontrol NPWP (digit ke-9) tidak cocok; periksa kembali nomornya."], cells);
        Assert.Contains("Hasil impor klien.csv", cut.Markup, StringComparison.Ordinal);
        var services = context.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>();
        await using var db = await services.CreateDbContextAsync();
        Assert.Equal("PT Sinar Jaya", (await db.Clients.SingleAsync()).Name);
    }

    [Fact]
    public async Task ShouldExplainWhyAFileWasRefused()
    {
        await using var context = await NewContextAsync();
        var cut = context.Render<ClientImport>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("nama,nomor\nPT A,1\n", "salah.csv"));

        cut.WaitForAssertion(() => Assert.StartsWith(
            "Baris judul tidak memuat kolom wajib: name, npwp.", cut.Find("#client-import-refused").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#client-import-counts"));
    }

    /// <summary>The page with the real pipeline over a migrated SQLite file, sent by a consultant.</summary>
    private async Task<BunitContext> NewContextAsync()
    {
        var context = new BunitContext();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}" })
            .Build();
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.Services.AddLogging();
        context.Services.AddSingleton<IConfiguration>(configuration);
        context.Services.AddHelpdeskCore(configuration);
        context.Services.AddSingleton<ICurrentUser>(new TestCurrentUser { Identity = TestCurrentUser.With("budi", Roles.Consultant) });
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        await DatabaseInitializer.MigrateAsync(context.Services);
        return context;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
