using Microsoft.EntityFrameworkCore;
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

    /// <summary>The refusal of a save that met a newer version of the ticket, naming who changed it last.</summary>
    public static async Task<Error> ConflictAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken)
    {
        var by = await db.TimelineEntries.AsNoTracking()
            .Where(entry => entry.TicketId == ticketId)
            .OrderByDescending(entry => entry.Id)
            .Select(entry => entry.ActorName)
            .FirstOrDefaultAsync(cancellationToken);
        return Error.Conflict("ticket-changed", AppText.TicketChanged(by ?? "?"));
    }
}
