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

/// <summary>A consultant adds a step by hand and chooses whether it must be done before the ticket is resolved.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AddTicketStepCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string Title { get; set; } = "";
    public bool IsRequired { get; set; }
    public string? AssigneeId { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Notes { get; set; }
}

public sealed class AddTicketStepValidator : AbstractValidator<AddTicketStepCommand>
{
    public AddTicketStepValidator()
    {
        RuleFor(c => c.Title).RequiredText(TicketStep.TitleMaxLength);
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
        RuleFor(c => c.DueOn).PlausibleDate();
    }
}

public sealed class AddTicketStepHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddTicketStepCommand, Result>
{
    public async ValueTask<Result> Handle(AddTicketStepCommand command, CancellationToken cancellationToken)
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

        var refused = ticket.AddStep(command.Title, command.IsRequired, Assignees.Blank(command.AssigneeId), command.DueOn, command.Notes,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
