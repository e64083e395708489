using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Tickets;

/// <summary>A ticket a bulk action left alone, and why, in the user's language.</summary>
public sealed record BulkSkip(Guid TicketId, string Number, string Reason);

/// <summary>What a bulk action did: the numbers changed, and those skipped with their reasons.</summary>
public sealed record BulkOutcome(IReadOnlyList<string> Changed, IReadOnlyList<BulkSkip> Skipped);

/// <summary>A message that acts on tickets the user selected.</summary>
public interface IBulkTicketCommand
{
    List<Guid> TicketIds { get; }
}

/// <summary>Loading and checking the tickets of a bulk action, shared by the ticket and incident slices.</summary>
internal static class BulkTickets
{
    /// <summary>Two pages of the list: enough for one screenful of selections, small enough for one transaction.</summary>
    public const int MaxTickets = 200;

    /// <summary>The selected tickets, tracked, in the order given; ids that match no ticket are reported as skipped.</summary>
    public static async Task<(List<Ticket> Found, List<BulkSkip> Missing)> LoadAsync(
        IAppDbContext db, IReadOnlyCollection<Guid> ids, bool withSteps, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        IQueryable<Ticket> query = withSteps ? db.Tickets.Include(t => t.Steps) : db.Tickets;
        var found = await query.Where(t => distinct.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var missing = distinct.Where(id => !found.ContainsKey(id)).Select(id => new BulkSkip(id, "?", DeskText.BulkTicketMissing)).ToList();
        return (distinct.Where(found.ContainsKey).Select(id => found[id]).ToList(), missing);
    }

    /// <summary>The number of the ticket a merged one went into, for the skip reason; merged tickets take no more work.</summary>
    public static async Task<BulkSkip?> MergedAsync(IAppDbContext db, Ticket ticket, CancellationToken cancellationToken) =>
        ticket.MergedIntoId is { } into
            ? new BulkSkip(ticket.Id, ticket.Number, DeskText.BulkTicketMerged(
                await db.Tickets.AsNoTracking().Where(t => t.Id == into).Select(t => t.Number).SingleOrDefaultAsync(cancellationToken) ?? "?"))
            : null;
}

public static class BulkTicketRules
{
    public static void TicketSelection<T>(this AbstractValidator<T> validator)
        where T : IBulkTicketCommand =>
        validator.RuleFor(command => command.TicketIds).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => DeskText.BulkNoTickets)
            .Must(ids => ids.Distinct().Count() <= BulkTickets.MaxTickets).WithMessage(_ => DeskText.BulkTooMany(BulkTickets.MaxTickets));
}
