using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Application.Common.Idempotency;

/// <summary>
/// A request an API client sent with an Idempotency-Key: who sent it and to which operation (the scope), the body's
/// hash, what it created, and the first answer once given. Written in the same transaction as what it created, so a
/// crash leaves either both or neither; a retry with the same key then answers the same instead of creating again.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;
    public const int MaxScopeLength = 200;

    /// <summary>How long a key is remembered (the usual 24 hours of HTTP idempotency keys).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotentRequest()
    {
    }

    public string Scope { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the request body, hex: the same key with another body is a client's mistake.</summary>
    public string RequestHash { get; private set; } = "";

    public Guid ResourceId { get; private set; }

    /// <summary>The ticket the request created or wrote to.</summary>
    public string ResourceNumber { get; private set; } = "";

    /// <summary>The first answer's status, body and Location; null until it was given (a crash in between leaves them null).</summary>
    public int? StatusCode { get; private set; }

    public string? ResponseBody { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotentRequest Start(IdempotencyClaim claim, Guid resourceId, string resourceNumber, DateTimeOffset now) => new()
    {
        Scope = claim.Scope,
        Key = claim.Key,
        RequestHash = claim.RequestHash,
        ResourceId = resourceId,
        ResourceNumber = resourceNumber,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public void Answer(int statusCode, string body, string? location)
    {
        StatusCode = statusCode;
        ResponseBody = body;
        Location = location;
    }
}

/// <summary>What a command carries when its request came with an Idempotency-Key.</summary>
public sealed record IdempotencyClaim(string Scope, string Key, string RequestHash);

/// <summary>Claims a key inside the transaction that writes the resource.</summary>
public static class IdempotencyClaims
{
    /// <summary>The code of the refusal that means "this key was used already with this body: answer as the first time".</summary>
    public const string ReplayCode = "idempotency-replay";

    public const string ReusedCode = "idempotency-key-reused";

    public static Error Replay() => Error.Conflict(ReplayCode, AppText.IdempotencyInProgress);

    public static Error Reused() => Error.Conflict(ReusedCode, AppText.IdempotencyKeyReused);

    /// <summary>
    /// Adds the key's record to the context (saved with the resource), or returns why not: the key is live already
    /// (same body → replay, other body → reused). An expired record of the same key is replaced.
    /// </summary>
    public static async Task<Error?> ClaimAsync(
        IAppDbContext db, IdempotencyClaim claim, Guid resourceId, string resourceNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.IdempotentRequests.SingleOrDefaultAsync(r => r.Scope == claim.Scope && r.Key == claim.Key, cancellationToken);
        if (existing is not null && existing.ExpiresAt > now)
        {
            return existing.RequestHash == claim.RequestHash ? Replay() : Reused();
        }

        if (existing is not null)
        {
            db.IdempotentRequests.Remove(existing);
        }

        db.IdempotentRequests.Add(IdempotentRequest.Start(claim, resourceId, resourceNumber, now));
        return null;
    }

    /// <summary>
    /// Saves what the request wrote together with its claim. Where the database lets two requests with the same key in
    /// at once (SQL Server; SQLite's writers take turns and see each other's claim), the second save fails on the key's
    /// primary key: then its transaction is rolled back and, the key being taken now, it answers as a replay. Any other
    /// failed save is thrown as it is. Optimistic-concurrency failures are left to the caller.
    /// </summary>
    /// <returns>Null when saved (the caller commits), else the replay refusal.</returns>
    public static async Task<Error?> SaveAsync(IAppDbContext db, IAppTransaction transaction, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException failure) when (claim is not null && failure is not DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ClearTracked();
            if (await db.IdempotentRequests.AnyAsync(r => r.Scope == claim.Scope && r.Key == claim.Key, cancellationToken))
            {
                return Replay();
            }

            throw;
        }
    }
}
