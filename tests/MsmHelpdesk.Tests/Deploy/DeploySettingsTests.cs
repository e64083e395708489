using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Deploy;

/// <summary>The deployment files must only name settings the app actually reads.</summary>
public sealed partial class DeploySettingsTests
{
    private static readonly string Deploy = TestPaths.InRepository("deploy");

    /// <summary>Our own keys, plus the framework sections the app's own appsettings.json already sets.</summary>
    private static bool IsKnown(string key)
    {
        var appDefaults = new ConfigurationBuilder()
            .AddJsonFile(TestPaths.InRepository("src", "MsmHelpdesk.Web", "appsettings.json"))
            .Build()
            .AsEnumerable()
            .Select(pair => pair.Key);
        return ConfigKeys.All.Contains(key, StringComparer.OrdinalIgnoreCase)
            || appDefaults.Contains(key, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void ShouldOnlyUseSettingsTheAppReadsInTheProductionExample()
    {
        var example = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Deploy, "appsettings.Production.example.json"))
            .Build();
        var keys = example.AsEnumerable().Where(pair => pair.Value is not null).Select(pair => pair.Key).ToArray();

        Assert.Contains(ConfigKeys.ConnectionString, keys);
        Assert.Equal([], keys.Where(key => !IsKnown(key)).ToArray());
        var settings = DatabaseSettings.From(example);
        Assert.Equal(DatabaseProvider.SqlServer, settings.Provider);
        Assert.True(settings.MigrateOnStartup);
    }

    [Fact]
    public void ShouldOnlyUseSettingsTheAppReadsInTheComposeFileAndDockerfile()
    {
        var text = File.ReadAllText(Path.Combine(Deploy, "compose.yaml")) + File.ReadAllText(Path.Combine(Deploy, "compose.scale.yaml"))
            + File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));
        var ours = DoubleUnderscoreSetting().Matches(text).Select(match => match.Value.Replace("__", ":", StringComparison.Ordinal)).Distinct().ToArray();

        Assert.Contains(ConfigKeys.DatabaseProvider, ours);
        Assert.Contains(ConfigKeys.ConnectionString, ours);
        Assert.Equal([], ours.Where(key => !IsKnown(key)).ToArray());
    }

    [Fact]
    public void ShouldBuildProjectsThatExistAndRunTheWebAssembly()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));
        var projects = ProjectPath().Matches(dockerfile).Select(match => match.Value).Distinct().ToArray();

        Assert.Equal(2, projects.Length);
        Assert.All(projects, project => Assert.True(File.Exists(TestPaths.InRepository(project.Split('/'))), project));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"MsmHelpdesk.Web.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("mcr.microsoft.com/mssql/server:2022", File.ReadAllText(Path.Combine(Deploy, "compose.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldRunTwoStickyReplicasOnOneSqlServerInTheScaleProfile()
    {
        var compose = File.ReadAllText(Path.Combine(Deploy, "compose.scale.yaml"));
        var proxy = File.ReadAllText(Path.Combine(Deploy, "haproxy.cfg"));

        Assert.Equal(1, Regex.Matches(compose, @"image: mcr\.microsoft\.com/mssql/server:2022").Count);
        Assert.Contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg", compose, StringComparison.Ordinal);
        // A Blazor circuit lives in one replica: the proxy pins each browser to one by a cookie.
        Assert.Contains("cookie MSM_NODE insert", proxy, StringComparison.Ordinal);
        foreach (var replica in new[] { "helpdesk-a", "helpdesk-b" })
        {
            Assert.Contains($"  {replica}:\n    <<: *helpdesk", compose.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Matches($@"server {replica} {replica}:8080 check cookie \w+", proxy);
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+__[A-Za-z_]+\b")]
    private static partial Regex DoubleUnderscoreSetting();

    [GeneratedRegex(@"src/[A-Za-z.]+/[A-Za-z.]+\.csproj")]
    private static partial Regex ProjectPath();
}
