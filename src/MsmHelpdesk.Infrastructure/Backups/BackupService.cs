using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using MsmHelpdesk.Application.Common.Backups;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.Backups;

/// <summary>Where the embedded database, its attachments and the nightly archives live, read from configuration.</summary>
public sealed class BackupService(IConfiguration configuration, DatabaseSettings database, TimeProvider clock) : IBackupService
{
    public const string ArchivePrefix = "msmhelpdesk-";
    public const int DefaultKeep = 14;

    public string DatabasePath => database.Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
        : throw new InvalidOperationException(
            "SQL Server is backed up with its own BACKUP DATABASE; see docs/decisions/0153-backups-sqlite-archive-sql-server-native.md.");

    public string AttachmentsDirectory => configuration[ConfigKeys.AttachmentsDirectory] is { Length: > 0 } configured
        ? configured
        : Path.Combine(Path.GetDirectoryName(DatabasePath)!, "attachments");

    public string BackupDirectory => configuration[ConfigKeys.BackupDirectory] is { Length: > 0 } configured
        ? configured
        : Path.Combine(Path.GetDirectoryName(DatabasePath)!, "backups");

    public int Keep => configuration[ConfigKeys.BackupKeep] is { Length: > 0 } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var keep) && keep > 0
            ? keep
            : throw new InvalidOperationException($"{ConfigKeys.BackupKeep} is '{text}'; use a whole number above 0.")
        : DefaultKeep;

    public Task<ArchiveSummary> WriteAsync(string archivePath, CancellationToken cancellationToken) =>
        HelpdeskArchive.WriteAsync(DatabasePath, AttachmentsDirectory, archivePath, cancellationToken);

    public Task<ArchiveSummary> RestoreAsync(string archivePath, CancellationToken cancellationToken) =>
        HelpdeskArchive.RestoreAsync(archivePath, DatabasePath, AttachmentsDirectory, cancellationToken);

    public async Task<NightlyBackup> TakeNightlyAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return new NightlyBackup(null, "skipped: SQL Server is backed up by its own native backups (decision 0151)", 0);
        }

        var keep = Keep;
        Directory.CreateDirectory(BackupDirectory);
        var path = Path.Combine(BackupDirectory, $"{ArchivePrefix}{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.zip");

        // Two hosts on one data folder run the job at the same moment: the first to claim the archive's name writes
        // it, the other stands aside (nothing twice, decision 0180).
        var claimPath = path + ".claim";
        FileStream claim;
        try
        {
            claim = new FileStream(claimPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(claimPath) || File.Exists(path))
        {
            return new NightlyBackup(null, $"backup {path} already written by another run", 0);
        }

        ArchiveSummary summary;
        await using (claim)
        {
            if (File.Exists(path))
            {
                return new NightlyBackup(null, $"backup {path} already written by another run", 0);
            }

            summary = await WriteAsync(path, cancellationToken);
        }

        // Names sort by time, so the oldest are first.
        var old = Directory.GetFiles(BackupDirectory, ArchivePrefix + "*.zip").Order(StringComparer.Ordinal).SkipLast(keep).ToArray();
        foreach (var archive in old)
        {
            File.Delete(archive);
        }

        return new NightlyBackup(path, summary.Describe(), old.Length);
    }
}
