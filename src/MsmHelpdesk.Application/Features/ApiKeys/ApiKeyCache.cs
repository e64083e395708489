using System.Collections.Concurrent;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>
/// Keys verified lately, by the SHA-256 of the key as presented, so that a busy integration is not a database read per
/// request (decision record 0165). Only keys that passed are kept, each for <see cref="Lifetime"/>; revoking a key in
/// this process forgets it at once (<see cref="Forget"/>), a revocation by another process or node is seen when the
/// entry runs out.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    /// <summary>How long another node or the CLI may take to make this node refuse a key it revoked.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _writing = new();
    private int _generation;

    /// <summary>What a verification read from the key's row.</summary>
    public sealed record Entry(VerifiedApiKey Key, DateTimeOffset? LastUsedAt, DateTimeOffset ExpiresAt);

    /// <summary>Taken before the key's row is read and handed to <see cref="Keep"/>, so a row read across a revocation is not kept.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The unexpired entry for the presented key's hash, if any.</summary>
    public Entry? Find(string presentedHash) =>
        _entries.TryGetValue(presentedHash, out var entry) && clock.GetUtcNow() < entry.ExpiresAt ? entry : null;

    public void Keep(string presentedHash, VerifiedApiKey key, DateTimeOffset? lastUsedAt, int generation)
    {
        var entry = new Entry(key, lastUsedAt, clock.GetUtcNow() + Lifetime);
        lock (_writing)
        {
            if (generation == _generation)
            {
                _entries[presentedHash] = entry;
            }
        }
    }

    /// <summary>Called by the commands that revoke or change a key, after their save.</summary>
    public void Forget(Guid keyId)
    {
        lock (_writing)
        {
            _generation++;
            foreach (var (hash, entry) in _entries)
            {
                if (entry.Key.Id == keyId)
                {
                    _entries.TryRemove(hash, out _);
                }
            }
        }
    }
}
