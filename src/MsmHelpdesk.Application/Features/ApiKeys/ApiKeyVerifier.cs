using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>The integration a valid key stands for.</summary>
public sealed record VerifiedApiKey(Guid Id, string Name, string Role);

/// <summary>
/// Checks a key presented with a request. Not a message: it runs before anyone is signed in, for the
/// authentication handler, and must not open an anonymous door in the pipeline. A key that passed is kept in
/// <see cref="ApiKeyCache"/> for a short while, so its next requests are not a database read each.
/// </summary>
public sealed class ApiKeyVerifier(IAppDbContextFactory databases, ApiKeyUsage usage, ApiKeyCache cache, TimeProvider clock)
{
    /// <summary>A stamp on every call would be a write per request; once a minute says enough (written in the background by <see cref="ApiKeyUsage"/>).</summary>
    public static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    /// <returns>The key's integration, or null for a malformed, unknown, wrong or revoked key.</returns>
    public async Task<VerifiedApiKey?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        var trimmed = presented?.Trim();
        if (ApiKeySecret.PrefixOf(trimmed) is not { } prefix)
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(trimmed!);
        VerifiedApiKey verified;
        DateTimeOffset? storedLastUse;
        if (cache.Find(hash) is { } known)
        {
            (verified, storedLastUse) = (known.Key, known.LastUsedAt);
        }
        else
        {
            var generation = cache.Generation;
            await using var db = await databases.CreateAsync(cancellationToken);
            var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
            if (key is null || !ApiKeySecret.HashesMatch(hash, key.Hash) || !key.IsActive)
            {
                return null;
            }

            (verified, storedLastUse) = (new VerifiedApiKey(key.Id, key.Name, key.Role), key.LastUsedAt);
            cache.Keep(hash, verified, storedLastUse, generation);
        }

        var now = clock.GetUtcNow();
        var lastUsed = usage.Latest(verified.Id) is { } recorded && recorded > (storedLastUse ?? DateTimeOffset.MinValue) ? recorded : storedLastUse;
        if (lastUsed is null || now - lastUsed.Value >= UsageResolution)
        {
            usage.Record(verified.Id, now);
        }

        return verified;
    }
}
