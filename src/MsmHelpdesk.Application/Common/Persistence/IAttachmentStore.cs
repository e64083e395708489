namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>Where attachment bytes live: outside the web root, never served as static files.</summary>
public interface IAttachmentStore
{
    /// <summary>Stores the bytes and returns the key to find them again.</summary>
    Task<string> SaveAsync(Guid attachmentId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes bytes whose database row was never saved.</summary>
    Task DeleteAsync(string key);
}
