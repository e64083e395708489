namespace MsmHelpdesk.Application.Common.Backups;

/// <summary>The nightly archive of the embedded database and its attachments (see docs/operations/backup-and-restore.md).</summary>
public interface IBackupService
{
    Task<NightlyBackup> TakeNightlyAsync(CancellationToken cancellationToken);
}

/// <summary>What one nightly run did: the archive written (none on SQL Server, which its own backups cover) and how many old ones went.</summary>
public sealed record NightlyBackup(string? ArchivePath, string Contents, int ArchivesRemoved)
{
    public string Describe() => ArchivePath is null
        ? Contents
        : $"backup {ArchivePath} written ({Contents}); {ArchivesRemoved} older archives removed";
}
