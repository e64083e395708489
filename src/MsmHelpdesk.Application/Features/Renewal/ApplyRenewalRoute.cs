using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Renewal;

/// <summary>
/// Puts a renewal route's steps on the ticket. Untouched steps of the cause's playbook or of another route give way
/// (a route is a choice); steps someone worked on stay. The timeline records it like a playbook.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ApplyRenewalRouteCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }

    public RenewalRoute Route { get; set; }
}

public sealed class ApplyRenewalRouteValidator : AbstractValidator<ApplyRenewalRouteCommand>
{
    public ApplyRenewalRouteValidator() => RuleFor(c => c.Route).IsInEnum().WithMessage(_ => AppText.RenewalRouteUnknown);
}

public sealed class ApplyRenewalRouteHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ApplyRenewalRouteCommand, Result>
{
    public async ValueTask<Result> Handle(ApplyRenewalRouteCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        ticket.ApplyPlaybook(RenewalRoutes.StepKey(command.Route), RenewalRoutes.Steps(command.Route), await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
