using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Steps;

/// <summary>Starts, finishes, skips or reopens a step; skipping needs a reason.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SetTicketStepStatusCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public Guid StepId { get; set; }
    public TicketStepStatus Status { get; set; }

    /// <summary>Why the step is skipped; required for Skipped, ignored otherwise.</summary>
    public string? Reason { get; set; }
}

public sealed class SetTicketStepStatusValidator : AbstractValidator<SetTicketStepStatusCommand>
{
    public SetTicketStepStatusValidator()
    {
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason))
            .When(c => c.Status == TicketStepStatus.Skipped).WithMessage(_ => WorkText.StepSkipReasonRequired);
        RuleFor(c => c.Reason).OptionalText(WorkLimits.ReasonMaxLength);
    }
}

public sealed class SetTicketStepStatusHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetTicketStepStatusCommand, Result>
{
    public async ValueTask<Result> Handle(SetTicketStepStatusCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var refused = ticket.ChangeStepStatus(command.StepId, command.Status, command.Reason,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
