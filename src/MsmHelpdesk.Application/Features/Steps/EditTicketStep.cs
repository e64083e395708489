using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Steps;

/// <summary>Who does a step, by when, and notes about it.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record EditTicketStepCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public Guid StepId { get; set; }
    public string? AssigneeId { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Notes { get; set; }
}

public sealed class EditTicketStepValidator : AbstractValidator<EditTicketStepCommand>
{
    public EditTicketStepValidator()
    {
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
        RuleFor(c => c.DueOn).PlausibleDate();
    }
}

public sealed class EditTicketStepHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditTicketStepCommand, Result>
{
    public async ValueTask<Result> Handle(EditTicketStepCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        if (await Assignees.CheckAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var refused = ticket.EditStep(command.StepId, Assignees.Blank(command.AssigneeId), command.DueOn, command.Notes,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
