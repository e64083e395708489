using Microsoft.Extensions.Configuration;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Cli;

public sealed class CliSettingsTests
{
    [Fact]
    public void ShouldShipTheWebAppsDefaultsForEverySettingTheCliFileNames()
    {
        static Dictionary<string, string?> Read(string project) => new ConfigurationBuilder()
            .AddJsonFile(TestPaths.InRepository("src", project, "appsettings.json"))
            .Build()
            .AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);

        var cli = Read("MsmHelpdesk.Cli");
        var web = Read("MsmHelpdesk.Web");

        Assert.Contains("Database:Provider", cli.Keys);
        Assert.Contains("Logging:Console:FormatterName", cli.Keys);
        Assert.All(cli, pair => Assert.Equal(web.GetValueOrDefault(pair.Key), pair.Value));
    }
}
