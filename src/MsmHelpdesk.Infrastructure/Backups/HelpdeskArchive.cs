using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MsmHelpdesk.Infrastructure.Backups;

/// <summary>What a backup archive holds, checked file by file on restore.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, IReadOnlyList<BackupFile> Files);

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>What a backup or a restore did, in numbers.</summary>
public sealed record ArchiveSummary(int Tickets, int Attachments, long Bytes)
{
    public string Describe() => $"{Tickets} tickets, {Attachments} attachments, {Bytes / 1024.0 / 1024.0:F1} MB";
}

/// <summary>
/// One zip archive of the embedded default: a consistent copy of the SQLite database taken with SQLite's online
/// backup (the app may keep writing), the attachment files that copy refers to, and a manifest of SHA-256 checksums.
/// </summary>
public static class HelpdeskArchive
{
    public const string ManifestName = "manifest.json";
    public const string DatabaseName = "helpdesk.db";
    private const string AttachmentsFolder = "attachments/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<ArchiveSummary> WriteAsync(string databasePath, string attachmentsDirectory, string archivePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            throw new InvalidOperationException($"There is no database at {databasePath} to back up.");
        }

        var work = Path.Combine(Path.GetTempPath(), "msmhelpdesk-backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            // The online backup copies every page under one read transaction: a snapshot of one instant, while
            // writers in WAL mode carry on. Files are written before their row, so each row's file already exists.
            var snapshot = Path.Combine(work, DatabaseName);
            using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString()))
            {
                source.Open();
                target.Open();
                // Microsoft.Data.Sqlite retries a busy command itself but not the backup: without SQLite's own busy handler
                // a lock held for a moment by another host's job (a checkpoint, ANALYZE) fails the whole backup.
                foreach (var connection in (SqliteConnection[])[source, target])
                {
                    using var wait = connection.CreateCommand();
                    wait.CommandText = "PRAGMA busy_timeout = 30000";
                    wait.ExecuteNonQuery();
                }

                source.BackupDatabase(target);
            }

            var (tickets, keys) = Contents(snapshot);
            var partial = archivePath + ".partial";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivePath))!);
            long bytes;
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using var zip = new ZipArchive(output, ZipArchiveMode.Create);
                var files = new List<BackupFile> { await AddAsync(zip, DatabaseName, snapshot, cancellationToken) };
                foreach (var key in keys)
                {
                    var path = Path.Combine(attachmentsDirectory, key);
                    if (!File.Exists(path))
                    {
                        throw new InvalidOperationException($"Attachment {key} is in the database but not in {attachmentsDirectory}.");
                    }

                    files.Add(await AddAsync(zip, AttachmentsFolder + key, path, cancellationToken));
                }

                var manifest = new BackupManifest(1, DateTimeOffset.UtcNow, files);
                await using (var entry = zip.CreateEntry(ManifestName).Open())
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, Json, cancellationToken);
                }

                bytes = files.Sum(file => file.Bytes);
            }

            // Only a complete archive takes the final name.
            File.Move(partial, archivePath, overwrite: true);
            return new ArchiveSummary(tickets, keys.Count, bytes);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Unpacks into an empty data folder, checking every file against the manifest, then runs SQLite's integrity check
    /// and compares each attachment with the checksum its row holds. On any failure nothing is left behind.
    /// </summary>
    public static async Task<ArchiveSummary> RestoreAsync(string archivePath, string databasePath, string attachmentsDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(archivePath))
        {
            throw new InvalidOperationException($"There is no archive at {archivePath}.");
        }

        var dataDirectory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        foreach (var folder in new[] { dataDirectory, attachmentsDirectory }.Where(Directory.Exists))
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new InvalidOperationException($"{folder} is not empty; restore only into an empty data folder.");
            }
        }

        var written = new List<string>();
        try
        {
            using var zip = ZipFile.OpenRead(archivePath);
            var manifest = await ReadManifestAsync(zip, cancellationToken);
            var listed = manifest.Files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
            if (zip.Entries.FirstOrDefault(entry => entry.FullName != ManifestName && !listed.Contains(entry.FullName)) is { } stray)
            {
                throw new InvalidOperationException($"The archive holds {stray.FullName}, which its manifest does not list.");
            }

            foreach (var file in manifest.Files)
            {
                var target = file.Path == DatabaseName ? databasePath
                    : file.Path.StartsWith(AttachmentsFolder, StringComparison.Ordinal) ? Path.Combine(attachmentsDirectory, SafeKey(file.Path[AttachmentsFolder.Length..]))
                    : throw new InvalidOperationException($"The manifest lists {file.Path}, which is neither the database nor an attachment.");
                var entry = zip.GetEntry(file.Path) ?? throw new InvalidOperationException($"The archive lacks {file.Path}, which its manifest lists.");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                written.Add(target);
                string sha256;
                await using (var input = entry.Open())
                await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    sha256 = await CopyHashingAsync(input, output, cancellationToken);
                }

                if (!string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"{file.Path} does not match its checksum in the manifest.");
                }
            }

            var integrity = IntegrityCheck(databasePath);
            if (integrity != "ok")
            {
                throw new InvalidOperationException($"The restored database fails SQLite's integrity check: {integrity}");
            }

            var (tickets, keys) = Contents(databasePath);
            foreach (var (key, sha256) in AttachmentChecksums(databasePath))
            {
                var path = Path.Combine(attachmentsDirectory, SafeKey(key));
                if (!File.Exists(path) || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken))), sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"Attachment {key} is missing or differs from the checksum its row holds.");
                }
            }

            return new ArchiveSummary(tickets, keys.Count, manifest.Files.Sum(file => file.Bytes));
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or JsonException or IOException or SqliteException)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in written.Where(File.Exists))
            {
                File.Delete(path);
            }

            throw exception is InvalidOperationException ? exception : new InvalidOperationException($"The archive cannot be restored: {exception.Message}", exception);
        }
    }

    public static string IntegrityCheck(string databasePath)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return string.Join("; ", Read(command, reader => reader.GetString(0)));
    }

    private static (int Tickets, List<string> AttachmentKeys) Contents(string databasePath)
    {
        using var connection = Open(databasePath);
        using var tickets = connection.CreateCommand();
        tickets.CommandText = "SELECT COUNT(*) FROM Tickets;";
        var count = Convert.ToInt32(tickets.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return (count, AttachmentChecksums(databasePath).Select(pair => pair.Key).ToList());
    }

    private static List<KeyValuePair<string, string>> AttachmentChecksums(string databasePath)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT StorageKey, Sha256 FROM Attachments ORDER BY StorageKey;";
        return Read(command, reader => KeyValuePair.Create(reader.GetString(0), reader.GetString(1)));
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<T> Read<T>(SqliteCommand command, Func<SqliteDataReader, T> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private static async Task<BackupFile> AddAsync(ZipArchive zip, string name, string path, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        await using var output = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var sha256 = await CopyHashingAsync(input, output, cancellationToken);
        return new BackupFile(name, input.Length, sha256);
    }

    private static async Task<string> CopyHashingAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new InvalidOperationException($"The archive has no {ManifestName}; it is not a helpdesk backup.");
        await using var stream = entry.Open();
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
        return manifest is { Format: 1, Files.Count: > 0 } && manifest.Files.Any(file => file.Path == DatabaseName)
            ? manifest
            : throw new InvalidOperationException($"The archive's {ManifestName} is not one this version reads.");
    }

    /// <summary>Attachment keys are ours ("yyyy-MM/guid"); anything that could climb out of the folder is refused.</summary>
    private static string SafeKey(string key) =>
        key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key) || key.Contains('\\', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"The archive names an attachment outside the folder: {key}.")
            : key;
}
