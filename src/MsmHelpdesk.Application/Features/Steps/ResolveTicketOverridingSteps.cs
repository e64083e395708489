using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Steps;

/// <summary>
/// A Manager (or Admin) resolves a ticket although required steps are still open, saying why. Consultants are
/// refused by the pipeline: the role is on the message, not only on the button.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record ResolveTicketOverridingStepsCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string? ResolutionSummary { get; set; }
    public string OverrideReason { get; set; } = "";
}

public sealed class ResolveTicketOverridingStepsValidator : AbstractValidator<ResolveTicketOverridingStepsCommand>
{
    public ResolveTicketOverridingStepsValidator()
    {
        RuleFor(c => c.ResolutionSummary).OptionalText(FieldLimits.NoteMaxLength);
        RuleFor(c => c.OverrideReason).Cascade(CascadeMode.Stop)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage(_ => WorkText.OverrideReasonRequired)
            .MaximumLength(WorkLimits.ReasonMaxLength).WithMessage(_ => AppText.MaxLength(WorkLimits.ReasonMaxLength))
            .NoSecret();
    }
}

public sealed class ResolveTicketOverridingStepsHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ResolveTicketOverridingStepsCommand, Result>
{
    public async ValueTask<Result> Handle(ResolveTicketOverridingStepsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Checked before the override so that a refused resolve leaves the steps as they were.
        if (!TicketWorkflow.CanMove(ticket.Status, TicketStatus.Resolved))
        {
            return DomainError.TicketIllegalMove(ticket.Status, TicketStatus.Resolved).ToError();
        }

        if (string.IsNullOrWhiteSpace(command.ResolutionSummary))
        {
            return DomainError.TicketResolutionRequired.ToError();
        }

        ticket.OverrideOpenSteps(command.OverrideReason, actor, now);
        ticket.MoveTo(TicketStatus.Resolved, command.ResolutionSummary, actor, now, await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken));
        return await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
