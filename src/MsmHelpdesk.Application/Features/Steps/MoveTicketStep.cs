using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Steps;

/// <summary>Moves a step one place up or down.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record MoveTicketStepCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public Guid StepId { get; set; }
    public bool Up { get; set; }
}

public sealed class MoveTicketStepHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MoveTicketStepCommand, Result>
{
    public async ValueTask<Result> Handle(MoveTicketStepCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var refused = ticket.MoveStep(command.StepId, command.Up, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
