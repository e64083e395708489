using Microsoft.Extensions.Configuration;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.Files;

/// <summary>Attachments as files in a folder of their own (not under wwwroot), one sub-folder per month.</summary>
public sealed class FileAttachmentStore(string root) : IAttachmentStore
{
    public static FileAttachmentStore From(IConfiguration configuration)
    {
        var configured = configuration[ConfigKeys.AttachmentsDirectory];
        return new FileAttachmentStore(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DatabaseSettings.DataDirectory(configuration), "attachments")
            : configured);
    }

    public async Task<string> SaveAsync(Guid attachmentId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var key = $"{DateTime.UtcNow:yyyy-MM}/{attachmentId:N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await file.WriteAsync(content, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        // Keys are ours ("yyyy-MM/guid"); refuse anything that could climb out of the folder.
        if (key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key))
        {
            throw new ArgumentException("Invalid attachment key.", nameof(key));
        }

        return Path.Combine(root, key);
    }
}
