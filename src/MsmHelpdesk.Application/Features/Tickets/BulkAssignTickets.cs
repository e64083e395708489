using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// Gives the selected open tickets to one consultant (or back to the queue). Handing out work in bulk is the
/// Manager's job, so consultants assign one ticket at a time (AssignTicket).
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record BulkAssignTicketsCommand : ICommand<Result<BulkOutcome>>, IBulkTicketCommand
{
    public List<Guid> TicketIds { get; set; } = [];
    public string? AssigneeId { get; set; }
}

public sealed class BulkAssignTicketsValidator : AbstractValidator<BulkAssignTicketsCommand>
{
    public BulkAssignTicketsValidator() => this.TicketSelection();
}

public sealed class BulkAssignTicketsHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BulkAssignTicketsCommand, Result<BulkOutcome>>
{
    public async ValueTask<Result<BulkOutcome>> Handle(BulkAssignTicketsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        if (await Assignees.CheckAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var (tickets, skipped) = await BulkTickets.LoadAsync(db, command.TicketIds, withSteps: false, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = new List<string>();
        foreach (var ticket in tickets)
        {
            if (await BulkTickets.MergedAsync(db, ticket, cancellationToken) is { } merged)
            {
                skipped.Add(merged);
            }
            else if (!ticket.IsOpen)
            {
                skipped.Add(new BulkSkip(ticket.Id, ticket.Number, DeskText.TicketNotOpen(ticket.Number)));
            }
            else
            {
                ticket.AssignTo(Assignees.Blank(command.AssigneeId), actor, now);
                changed.Add(ticket.Number);
            }
        }

        var saved = await TicketStore.SaveAsync(db, tickets.FirstOrDefault()?.Id ?? Guid.Empty, cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error;
        }

        await transaction.CommitAsync(cancellationToken);
        return new BulkOutcome(changed, skipped);
    }
}
