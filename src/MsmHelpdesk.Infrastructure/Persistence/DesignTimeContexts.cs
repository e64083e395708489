using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// Builds a context for `dotnet ef` and for the model tests through the same service registration as
/// the app. No database is contacted: the SQL Server connection string is never opened.
/// </summary>
public static class DesignTimeContexts
{
    public static HelpdeskDbContext Create(DatabaseProvider provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ConfigKeys.DatabaseProvider] = provider.ToString(),
                [ConfigKeys.ConnectionString] = provider == DatabaseProvider.SqlServer
                    ? "Server=localhost;Database=MsmHelpdesk;Integrated Security=true;TrustServerCertificate=true"
                    : "Data Source=design-time.db",
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddHelpdeskPersistence(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContext();
    }
}
