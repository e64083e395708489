using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Moves a ticket along its status machine; resolving needs a summary.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ChangeTicketStatusCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public TicketStatus To { get; set; }
    public string? ResolutionSummary { get; set; }
}

public sealed class ChangeTicketStatusValidator : AbstractValidator<ChangeTicketStatusCommand>
{
    public ChangeTicketStatusValidator()
    {
        RuleFor(command => command.To).IsInEnum();
        RuleFor(command => command.ResolutionSummary).OptionalText(FieldLimits.NoteMaxLength);
    }
}

public sealed class ChangeTicketStatusHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeTicketStatusCommand, Result>
{
    public async ValueTask<Result> Handle(ChangeTicketStatusCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var from = ticket.Status;
        if (command.To == TicketStatus.Resolved && TicketWorkflow.CanMove(from, command.To)
            && await OpenRequiredStepsAsync(db, ticket, cancellationToken) is > 0 and var open)
        {
            return Error.Validation(nameof(command.To), WorkText.StepsOpenBlockResolve(open));
        }

        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        var refused = ticket.MoveTo(command.To, command.ResolutionSummary, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow(), sla);
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }

    /// <summary>Required steps still open: a plain status change cannot resolve past them (a Manager can, with ResolveTicketOverridingSteps).</summary>
    private static async Task<int> OpenRequiredStepsAsync(IAppDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        await db.Tickets.Entry(ticket).Collection(t => t.Steps).LoadAsync(cancellationToken);
        return ticket.OpenRequiredSteps().Count;
    }
}
