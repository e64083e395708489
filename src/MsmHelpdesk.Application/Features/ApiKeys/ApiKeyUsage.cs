using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>
/// When each API key was last used, held in memory and written in the background (<see cref="FlushAsync"/>), so that
/// no request pays for the write: checking a key is a read, and a ticket created through the API stays within its
/// handful of SQL commands whenever the key's minute has passed. A crash loses at most one flush interval of stamps.
/// </summary>
public sealed class ApiKeyUsage(IAppDbContextFactory databases)
{
    /// <summary>How often the host writes the stamps (and once more when it stops).</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();

    /// <summary>Every key's newest stamp recorded here, written or not: a verification that used a cached row still knows it.</summary>
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _latest = new();

    /// <summary>The newest stamp of the key recorded by this process, written yet or not, if any.</summary>
    public DateTimeOffset? Latest(Guid keyId) => _latest.TryGetValue(keyId, out var at) ? at : null;

    public void Record(Guid keyId, DateTimeOffset at)
    {
        _latest.AddOrUpdate(keyId, at, (_, earlier) => at > earlier ? at : earlier);
        _pending.AddOrUpdate(keyId, at, (_, earlier) => at > earlier ? at : earlier);
    }

    /// <summary>Writes the waiting stamps in one transaction; returns how many keys it wrote.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty)
        {
            return 0;
        }

        var stamps = _pending.ToArray();
        await using var db = await databases.CreateAsync(cancellationToken);
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (keyId, at) in stamps)
            {
                DateTimeOffset? stamp = at;
                await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, stamp), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var stamp in stamps)
        {
            // A newer stamp recorded meanwhile stays for the next flush.
            _pending.TryRemove(stamp);
        }

        return stamps.Length;
    }
}
