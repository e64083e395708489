using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure.Backups;

namespace MsmHelpdesk.Cli.Commands;

public sealed class BackupCommand : ICliCommand
{
    public string Verb => "backup";

    public string Usage => """
        msmhelpdesk backup --out FILE
            Archive the embedded SQLite database (a consistent copy, also while the app runs), its attachments
            and a manifest of SHA-256 checksums into one zip file. SQL Server uses its own backups.
        """;

    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context)
    {
        var output = context.Option("out");
        if (string.IsNullOrWhiteSpace(output) || context.Arguments.Count > 0)
        {
            await context.Error.WriteLineAsync("usage: " + Usage);
            return CliApp.Usage;
        }

        var summary = await context.Services.GetRequiredService<BackupService>().WriteAsync(Path.GetFullPath(output), CancellationToken.None);
        await context.Output.WriteLineAsync($"Backup written to {Path.GetFullPath(output)}: {summary.Describe()}.");
        return CliApp.Ok;
    }
}
