using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Cli;

public sealed class ApiKeysCliTests
{
    public ApiKeysCliTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string connectionString, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, new Dictionary<string, string?>
        {
            [ConfigKeys.ConnectionString] = connectionString,
        });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ShouldPrintOnlyAKeyThatThenOpensTheApi()
    {
        await using var factory = new HelpdeskWebFactory();
        var database = factory.Services.GetRequiredService<IConfiguration>()[ConfigKeys.ConnectionString]!;

        var (exit, output, error) = await RunAsync(database, "apikeys", "create", "--name", "Portal klien", "--role", "consultant");
        var key = output.TrimEnd('\n');
        var client = factory.Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await client.GetAsync("/api/v1/tickets");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Matches("^msm_[a-z0-9]{8}_[A-Za-z0-9]{40}$", key);
        Assert.Contains("role Consultant", error, StringComparison.Ordinal);
        Assert.Contains("cannot be shown again", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ShouldNameTheBadOptionsAndPrintNoKey()
    {
        await using var factory = new HelpdeskWebFactory();
        var database = factory.Services.GetRequiredService<IConfiguration>()[ConfigKeys.ConnectionString]!;

        var (exit, output, error) = await RunAsync(database, "apikeys", "create", "--name", " ", "--role", "Boss");
        var usage = await RunAsync(database, "apikeys", "create", "--name", "Portal");

        Assert.Equal(CliApp.Failed, exit);
        Assert.Equal("", output);
        Assert.Contains("--name: Wajib diisi.", error, StringComparison.Ordinal);
        Assert.Contains("--role: Peran tidak dikenal: Boss.", error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, usage.Exit);
        Assert.Equal("", usage.Output);
    }
}
