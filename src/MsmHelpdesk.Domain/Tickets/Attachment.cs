namespace MsmHelpdesk.Domain.Tickets;

/// <summary>A file on a ticket (error screenshot, log). The bytes live in the attachment store, not the database.</summary>
public sealed class Attachment
{
    /// <summary>Largest file accepted: 10 MiB, enough for screenshots and zipped logs.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private Attachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type found in the content, never the one the browser claimed.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Where the store keeps the bytes.</summary>
    public string StorageKey { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedById { get; private set; } = "";

    public static Attachment Create(Guid ticketId, string fileName, string contentType, long size, string storageKey, string sha256, string uploadedById, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TicketId = ticketId,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        StorageKey = storageKey,
        Sha256 = sha256,
        UploadedAt = now,
        UploadedById = uploadedById,
    };
}
