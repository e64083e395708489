using Microsoft.Extensions.Configuration;

namespace MsmHelpdesk.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Which database to use, read the same way by the web app, the CLI and the tests.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string SqliteMigrationsAssembly = "MsmHelpdesk.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "MsmHelpdesk.Migrations.SqlServer";
    private const string DatabaseFileName = "helpdesk.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration[ConfigKeys.DatabaseProvider];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"{ConfigKeys.DatabaseProvider} is '{providerText}'; use Sqlite or SqlServer.");

        var connectionString = configuration[ConfigKeys.ConnectionString];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(DataDirectory(configuration), DatabaseFileName)}"
                : throw new InvalidOperationException($"{ConfigKeys.ConnectionString} is required with SQL Server.");
        }

        var migrate = provider == DatabaseProvider.Sqlite
            || bool.TryParse(configuration[ConfigKeys.DatabaseMigrateOnStartup], out var wanted) && wanted;
        return new DatabaseSettings(provider, connectionString, migrate);
    }

    /// <summary>
    /// The embedded database lives in the user's application-data folder, so the web app and the CLI
    /// find the same file wherever they are started from.
    /// </summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        var configured = configuration[ConfigKeys.DataDirectory];
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        var directory = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrEmpty(root) ? Path.Combine(root, "MsmHelpdesk")
            : Path.Combine(AppContext.BaseDirectory, "App_Data");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
