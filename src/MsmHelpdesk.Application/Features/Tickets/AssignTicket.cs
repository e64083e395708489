using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Gives a ticket to a consultant, or takes it back to the unassigned queue (null).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AssignTicketCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string? AssigneeId { get; set; }
}

public sealed class AssignTicketHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AssignTicketCommand, Result>
{
    public async ValueTask<Result> Handle(AssignTicketCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        if (await Assignees.CheckAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        ticket.AssignTo(Assignees.Blank(command.AssigneeId), await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
