using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>The integration a valid key stands for.</summary>
public sealed record VerifiedApiKey(Guid Id, string Name, string Role);

/// <summary>
/// Checks a key presented with a request. Not a message: it runs before anyone is signed in, for the
/// authentication handler, and must not open an anonymous door in the pipeline.
/// </summary>
public sealed class ApiKeyVerifier(IAppDbContextFactory databases, ApiKeyUsage usage, TimeProvider clock)
{
    /// <summary>A stamp on every call would be a write per request; once a minute says enough (written in the background by <see cref="ApiKeyUsage"/>).</summary>
    public static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    /// <returns>The key's integration, or null for a malformed, unknown, wrong or revoked key.</returns>
    public async Task<VerifiedApiKey?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.PrefixOf(presented?.Trim()) is not { } prefix)
        {
            return null;
        }

        await using var db = await databases.CreateAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || !ApiKeySecret.Matches(presented!.Trim(), key.Hash) || !key.IsActive)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var lastUsed = usage.Pending(key.Id) is { } pending && pending > (key.LastUsedAt ?? DateTimeOffset.MinValue) ? pending : key.LastUsedAt;
        if (lastUsed is null || now - lastUsed.Value >= UsageResolution)
        {
            usage.Record(key.Id, now);
        }

        return new VerifiedApiKey(key.Id, key.Name, key.Role);
    }
}
