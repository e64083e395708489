using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Cli.Commands;

public sealed class MigrateCommand : ICliCommand
{
    public string Verb => "migrate";

    public string Usage => """
        msmhelpdesk migrate
            Apply database migrations (SQLite or SQL Server, as configured).
        """;

    public async Task<int> RunAsync(CliContext context)
    {
        await DatabaseInitializer.MigrateAsync(context.Services);
        await context.Output.WriteLineAsync($"Database migrated ({context.Services.GetRequiredService<DatabaseSettings>().Provider}).");
        return CliApp.Ok;
    }
}
