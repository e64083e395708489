using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Backups;
using MsmHelpdesk.Tests.Support;
using Xunit.Abstractions;

namespace MsmHelpdesk.Tests.Cli;

public sealed class BackupCliTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _live = TestPaths.NewTempDirectory();
    private readonly string _restored = TestPaths.NewTempDirectory();
    private readonly string _archives = TestPaths.NewTempDirectory();

    private sealed record Acknowledged(string Number, string AttachmentName, string Sha256);

    [Fact]
    public async Task ShouldRestoreABackupTakenWhileTicketsAreCreatedWithEveryAcknowledgedTicketAndItsAttachment()
    {
        await using var app = await TestApp.StartAsync(_live);
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var acknowledged = new ConcurrentQueue<Acknowledged>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var ticket = await Seed.TicketAsync(app, budi, client, $"ETAX-40002: Error di Service (percobaan {i})");
                var content = Encoding.UTF8.GetBytes($"2026-12-06 04:53:52 upload faktur {i} gagal: ETAX-40002\n" + new string('x', 20_000));
                var attachment = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = $"uploader-{i}.log", Content = content });
                Assert.True(attachment.IsSuccess, attachment.IsSuccess ? "" : attachment.Error.Message);
                acknowledged.Enqueue(new Acknowledged(ticket.Number, $"uploader-{i}.log", Convert.ToHexStringLower(SHA256.HashData(content))));
            }
        });
        await WaitForAsync(() => acknowledged.Count >= 15, writer);

        var before = acknowledged.ToArray();
        var archive = Path.Combine(_archives, "helpdesk.zip");
        var backup = await RunAsync(_live, "backup", "--out", archive);
        var duringBackup = acknowledged.Count - before.Length;
        await WaitForAsync(() => acknowledged.Count >= before.Length + duringBackup + 3, writer);
        await stop.CancelAsync();
        await writer;
        var restore = await RunAsync(_restored, "restore", archive);

        Assert.Equal((CliApp.Ok, ""), (backup.Exit, backup.Error));
        Assert.Equal((CliApp.Ok, ""), (restore.Exit, restore.Error));
        var database = Path.Combine(_restored, "helpdesk.db");
        Assert.Equal("ok", HelpdeskArchive.IntegrityCheck(database));
        var restoredTickets = Query(database, "SELECT Number FROM Tickets");
        var restoredFiles = Query(database, "SELECT FileName || '|' || Sha256 || '|' || StorageKey FROM Attachments")
            .Select(row => row.Split('|')).ToDictionary(row => row[0], row => (Sha256: row[1], Key: row[2]));
        Assert.All(before, ticket =>
        {
            Assert.Contains(ticket.Number, restoredTickets);
            var (sha256, key) = restoredFiles[ticket.AttachmentName];
            Assert.Equal(ticket.Sha256, sha256);
            Assert.Equal(ticket.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_restored, "attachments", key)))));
        });
        output.WriteLine($"backup: {before.Length} tickets acknowledged before it began, {duringBackup} acknowledged while it ran, "
            + $"{acknowledged.Count} in all; restored {restoredTickets.Count} tickets and {restoredFiles.Count} attachments, integrity_check ok");
        output.WriteLine(backup.Output + restore.Output);
    }

    [Fact]
    public async Task ShouldRefuseToRestoreIntoAFolderThatIsNotEmpty()
    {
        var archive = await BackupOfOneTicketAsync();
        await File.WriteAllTextAsync(Path.Combine(_restored, "catatan.txt"), "jangan ditimpa");

        var restore = await RunAsync(_restored, "restore", archive);

        Assert.Equal(CliApp.Failed, restore.Exit);
        Assert.Contains("not empty", restore.Error, StringComparison.Ordinal);
        Assert.Equal(["catatan.txt"], Directory.GetFileSystemEntries(_restored).Select(path => Path.GetFileName(path)!).ToArray());
    }

    [Fact]
    public async Task ShouldRefuseAnArchiveWhoseAttachmentWasChangedAndLeaveNothingBehind()
    {
        var archive = await BackupOfOneTicketAsync();
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.Single(candidate => candidate.FullName.StartsWith("attachments/", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            await using var changed = zip.CreateEntry(name).Open();
            await changed.WriteAsync(Encoding.UTF8.GetBytes("diubah"));
        }

        var restore = await RunAsync(_restored, "restore", archive);

        Assert.Equal(CliApp.Failed, restore.Exit);
        Assert.Contains("checksum", restore.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_restored, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ShouldKeepOnlyTheConfiguredNumberOfNightlyArchives()
    {
        await BackupOfOneTicketAsync();
        var settings = new Dictionary<string, string?> { [ConfigKeys.BackupDirectory] = _archives, [ConfigKeys.BackupKeep] = "2" };
        for (var night = 0; night < 4; night++)
        {
            var run = await RunAsync(_live, settings, "jobs", "run", "nightly-backup");
            Assert.Equal((CliApp.Ok, ""), (run.Exit, run.Error));
            Assert.Contains("backup ", run.Output, StringComparison.Ordinal);

            // Archive names carry the second they were taken.
            await Task.Delay(1100);
        }

        var kept = Directory.GetFiles(_archives, BackupService.ArchivePrefix + "*.zip");
        Assert.Equal(2, kept.Length);
    }

    private async Task<string> BackupOfOneTicketAsync()
    {
        await using (var app = await TestApp.StartAsync(_live))
        {
            var budi = await Seed.ConsultantAsync(app);
            var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
            var attached = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "uploader.log", Content = Encoding.UTF8.GetBytes("ETAX-40002 gagal") });
            Assert.True(attached.IsSuccess);
        }

        var archive = Path.Combine(_archives, "satu.zip");
        var backup = await RunAsync(_live, "backup", "--out", archive);
        Assert.Equal((CliApp.Ok, ""), (backup.Exit, backup.Error));
        return archive;
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(string directory, params string[] args) =>
        RunAsync(directory, new Dictionary<string, string?>(), args);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string directory, Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new Dictionary<string, string?>(settings)
        {
            [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}",
            [ConfigKeys.AttachmentsDirectory] = Path.Combine(directory, "attachments"),
        };
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, configuration);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task WaitForAsync(Func<bool> condition, Task writer)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (writer.IsCompleted)
            {
                await writer;
            }

            Assert.True(DateTime.UtcNow < deadline, "the writer made no progress");
            await Task.Delay(20);
        }
    }

    private static List<string> Query(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var directory in new[] { _live, _restored, _archives })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }
}
