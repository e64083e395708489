using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Sets one priority on the selected open tickets; each one's SLA targets follow its new priority.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record BulkChangeTicketPriorityCommand : ICommand<Result<BulkOutcome>>, IBulkTicketCommand
{
    public List<Guid> TicketIds { get; set; } = [];
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
}

public sealed class BulkChangeTicketPriorityValidator : AbstractValidator<BulkChangeTicketPriorityCommand>
{
    public BulkChangeTicketPriorityValidator()
    {
        this.TicketSelection();
        RuleFor(command => command.Priority).IsInEnum();
    }
}

public sealed class BulkChangeTicketPriorityHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BulkChangeTicketPriorityCommand, Result<BulkOutcome>>
{
    public async ValueTask<Result<BulkOutcome>> Handle(BulkChangeTicketPriorityCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var (tickets, skipped) = await BulkTickets.LoadAsync(db, command.TicketIds, withSteps: false, cancellationToken);
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
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
                ticket.ChangePriority(command.Priority, actor, now, sla);
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
