using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Idempotency;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Tickets;

/// <summary>
/// Loads the ticket an action works on and saves the action with the ticket's concurrency check. Every slice
/// that changes a ticket (tickets, steps, visits, diagnosis) goes through here, so none reaches into another.
/// </summary>
internal static class TicketStore
{
    /// <summary>The ticket to act on, tracked, or null when there is none with that id.</summary>
    public static Task<Ticket?> FindAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);

    /// <summary>The ticket with its steps, tracked.</summary>
    public static Task<Ticket?> FindWithStepsAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        db.Tickets.Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);

    public static Error NotFound() => Error.NotFound("ticket-not-found", AppText.TicketNotFound);

    /// <summary>Saves an action; if the ticket changed in between, the action is refused rather than merged blindly.</summary>
    public static async Task<Result> SaveAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version check in SQL caught it.
            return await ConflictAsync(db, ticketId, cancellationToken);
        }
    }

    /// <summary>
    /// Saves an append-only action (a note, a client message, an attachment): it changes nothing another writer could
    /// have changed in between, so it never fails on the version check (issue 16). The ticket is read and saved inside one
    /// transaction (SQLite takes its write lock at the start, so nobody saves in between); where the database lets
    /// another writer in (SQL Server), a conflict reloads the ticket and appends again.
    /// </summary>
    /// <param name="db">The operation's own context.</param>
    /// <param name="ticketId">The ticket to append to.</param>
    /// <param name="append">Adds the note, message or attachment to the loaded ticket.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <param name="claim">An API client's Idempotency-Key: recorded in the same transaction, refused when already used.</param>
    /// <param name="now">The time recorded with the claim (defaults to the current time).</param>
    public static async Task<Result> AppendAsync(
        IAppDbContext db, Guid ticketId, Action<Ticket> append, CancellationToken cancellationToken, IdempotencyClaim? claim = null, DateTimeOffset now = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var ticket = await FindAsync(db, ticketId, cancellationToken);
            if (ticket is null)
            {
                return NotFound();
            }

            if (claim is not null && await IdempotencyClaims.ClaimAsync(db, claim, ticket.Id, ticket.Number, now, cancellationToken) is { } refused)
            {
                return refused;
            }

            append(ticket);
            try
            {
                if (await IdempotencyClaims.SaveAsync(db, transaction, claim, cancellationToken) is { } replay)
                {
                    return replay;
                }

                await transaction.CommitAsync(cancellationToken);
                return Result.Success();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAppendAttempts)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ClearTracked();
            }
            catch (DbUpdateConcurrencyException)
            {
                return await ConflictAsync(db, ticketId, cancellationToken);
            }
        }
    }

    private const int MaxAppendAttempts = 20;

    /// <summary>The refusal of a save that met a newer version of the ticket, naming who changed it last.</summary>
    public static async Task<Error> ConflictAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken)
    {
        var by = await db.TimelineEntries.AsNoTracking()
            .Where(entry => entry.TicketId == ticketId)
            .OrderByDescending(entry => entry.Id)
            .Select(entry => entry.ActorName)
            .FirstOrDefaultAsync(cancellationToken);
        var read = db.Tickets.Local.FirstOrDefault(ticket => ticket.Id == ticketId) is { } tracked
            ? (int?)db.Tickets.Entry(tracked).Property(t => t.Version).OriginalValue
            : null;
        return Error.Conflict("ticket-changed", AppText.TicketChanged(by ?? "?")) with { ResourceVersion = read };
    }
}
