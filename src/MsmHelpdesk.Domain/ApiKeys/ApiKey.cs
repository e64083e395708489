namespace MsmHelpdesk.Domain.ApiKeys;

/// <summary>
/// A key for an integration calling /api/v1. Only a hash is kept: the key is shown once, when created.
/// The prefix (first characters) finds the row without scanning every hash.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static ApiKey Create(string name, string role, string prefix, string hash, string createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name.Trim(),
        Role = role,
        Prefix = prefix,
        Hash = hash,
        CreatedBy = createdBy,
        CreatedAt = now,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
