using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>The officer, consultant, document checklist and notes of a planned visit.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record PrepareKppVisitCommand : ICommand<Result>
{
    public Guid VisitId { get; set; }
    public string OfficerName { get; set; } = "";
    public string? AssigneeId { get; set; }
    public KppDocuments Documents { get; set; }
    public string? Notes { get; set; }
}

public sealed class PrepareKppVisitValidator : AbstractValidator<PrepareKppVisitCommand>
{
    public PrepareKppVisitValidator()
    {
        RuleFor(c => c.OfficerName).RequiredText(FieldLimits.PersonNameMaxLength);
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
    }
}

public sealed class PrepareKppVisitHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PrepareKppVisitCommand, Result>
{
    public async ValueTask<Result> Handle(PrepareKppVisitCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var visit = await VisitStore.FindAsync(db, command.VisitId, cancellationToken);
        if (visit is null)
        {
            return VisitStore.NotFound();
        }

        if (await Assignees.CheckAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == visit.TicketId, cancellationToken);
        var client = await db.Clients.SingleAsync(c => c.Id == visit.ClientId, cancellationToken);
        var refused = visit.Prepare(ticket, client, command.OfficerName, Assignees.Blank(command.AssigneeId), command.Documents, command.Notes,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
