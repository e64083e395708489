using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>The integration a valid key stands for.</summary>
public sealed record VerifiedApiKey(Guid Id, string Name, string Role);

/// <summary>
/// Checks a key presented with a request. Not a message: it runs before anyone is signed in, for the
/// authentication handler, and must not open an anonymous door in the pipeline.
/// </summary>
public sealed class ApiKeyVerifier(IAppDbContextFactory databases, TimeProvider clock)
{
    /// <summary>Writing LastUsedAt on every call would turn each read into a write; once a minute says enough.</summary>
    public static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    /// <returns>The key's integration, or null for a malformed, unknown, wrong or revoked key.</returns>
    public async Task<VerifiedApiKey?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.PrefixOf(presented?.Trim()) is not { } prefix)
        {
            return null;
        }

        await using var db = await databases.CreateAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || !ApiKeySecret.Matches(presented!.Trim(), key.Hash) || !key.IsActive)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } lastUsed || now - lastUsed >= UsageResolution)
        {
            key.MarkUsed(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new VerifiedApiKey(key.Id, key.Name, key.Role);
    }
}
