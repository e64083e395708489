using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure.Backups;

namespace MsmHelpdesk.Cli.Commands;

public sealed class RestoreCommand : ICliCommand
{
    public string Verb => "restore";

    public string Usage => """
        msmhelpdesk restore FILE
            Restore a backup archive into an empty data folder (Helpdesk:DataDirectory), checking every file's
            checksum, SQLite's integrity check and each attachment against its row. Refuses a folder that is not empty.
        """;

    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Arguments.Count != 1)
        {
            await context.Error.WriteLineAsync("usage: " + Usage);
            return CliApp.Usage;
        }

        var backups = context.Services.GetRequiredService<BackupService>();
        var summary = await backups.RestoreAsync(Path.GetFullPath(context.Arguments[0]), CancellationToken.None);
        await context.Output.WriteLineAsync(
            $"Restored into {Path.GetDirectoryName(backups.DatabasePath)}: {summary.Describe()}; checksums match, integrity_check ok.");
        return CliApp.Ok;
    }
}
