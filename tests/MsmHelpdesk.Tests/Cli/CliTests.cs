using System.Globalization;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Composition;

namespace MsmHelpdesk.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    public CliTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(input), output, error, new Dictionary<string, string?>
        {
            [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}",
        });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ShouldMigrateTheConfiguredDatabase()
    {
        var (exit, output, _) = await RunAsync("", "migrate");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal("Database migrated (Sqlite).", output.Trim());
    }

    [Fact]
    public async Task ShouldAddAUserWithThePasswordFromStandardInput()
    {
        var (exit, output, _) = await RunAsync("Konsultan2026\n", "users", "add", "--email", "maya@msm.co.id", "--name", "Maya Sari", "--role", "Manager");

        Assert.Equal(CliApp.Ok, exit);
        Assert.StartsWith("User maya@msm.co.id created with role Manager", output, StringComparison.Ordinal);
        await using var app = await TestApp.StartAsync(_directory);
        var users = await app.Identity.ListUsersAsync(new UserListFilter(null, 1, 10, UserSort.Email, false), CancellationToken.None);
        var maya = Assert.Single(users.Items);
        Assert.Equal("Maya Sari", maya.DisplayName);
        Assert.Equal(["Manager"], maya.Roles);
        Assert.DoesNotContain("Konsultan2026", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldReportEveryBadOptionAndCreateNothing()
    {
        var (exit, _, error) = await RunAsync("pendek\n", "users", "add", "--email", "bukan-email", "--name", "Maya", "--role", "Boss");

        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains("--email: Format e-mail tidak valid", error, StringComparison.Ordinal);
        Assert.Contains("--role: Peran tidak dikenal: Boss.", error, StringComparison.Ordinal);
        Assert.Contains("password (stdin): Kata sandi minimal 10 karakter.", error, StringComparison.Ordinal);
        await using var app = await TestApp.StartAsync(_directory);
        Assert.Equal(0, (await app.Identity.ListUsersAsync(new UserListFilter(null, 1, 10, UserSort.Email, false), CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task ShouldExplainUsageForAnUnknownVerbOrMissingOption()
    {
        var unknown = await RunAsync("", "frobnicate");
        var missing = await RunAsync("Konsultan2026\n", "users", "add", "--email", "maya@msm.co.id");

        Assert.Equal(CliApp.Usage, unknown.Exit);
        Assert.Contains("msmhelpdesk users add", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, missing.Exit);
    }

    [Fact]
    public void ShouldBuildEveryServiceTheCliRegistersAsDevelopmentValidatesThem()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}" })
            .Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddLogging()
            .AddHelpdeskCore(configuration)
            .AddSingleton<MsmHelpdesk.Application.Common.Security.ICurrentUser>(new TestCurrentUser());

        using var provider = services.BuildServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetService(typeof(Mediator.ISender)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
