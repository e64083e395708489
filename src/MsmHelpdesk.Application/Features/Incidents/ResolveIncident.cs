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

namespace MsmHelpdesk.Application.Features.Incidents;

/// <summary>
/// Ends the outage: the incident and every open linked ticket are resolved together, each ticket with the summary
/// on its timeline. A ticket with required steps still open (its own work beyond the outage) is skipped and stays open.
/// Resolving many clients' tickets at once is a Manager's decision.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record ResolveIncidentCommand : ICommand<Result<BulkOutcome>>
{
    public Guid IncidentId { get; set; }
    public string Summary { get; set; } = "";
}

public sealed class ResolveIncidentValidator : AbstractValidator<ResolveIncidentCommand>
{
    public ResolveIncidentValidator() => RuleFor(command => command.Summary).RequiredText(FieldLimits.NoteMaxLength);
}

public sealed class ResolveIncidentHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ResolveIncidentCommand, Result<BulkOutcome>>
{
    public async ValueTask<Result<BulkOutcome>> Handle(ResolveIncidentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var incident = await IncidentStore.FindAsync(db, command.IncidentId, cancellationToken);
        if (incident is null)
        {
            return IncidentStore.NotFound();
        }

        var now = clock.GetUtcNow();
        if (incident.Resolve(command.Summary, now) is not null)
        {
            return Error.Validation(nameof(command.IncidentId), DeskText.IncidentNotOpen);
        }

        var open = TicketWorkflow.Open.ToArray();
        var tickets = await db.Tickets.Include(t => t.Steps).Where(t => t.IncidentId == incident.Id && open.Contains(t.Status))
            .OrderBy(t => t.Number).ToListAsync(cancellationToken);
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var changed = new List<string>();
        var skipped = new List<BulkSkip>();
        foreach (var ticket in tickets)
        {
            if (ticket.OpenRequiredSteps().Count is > 0 and var steps)
            {
                skipped.Add(new BulkSkip(ticket.Id, ticket.Number, WorkText.StepsOpenBlockResolve(steps)));
            }
            else if (ticket.ResolveWithIncident(command.Summary, actor, now, sla) is { } error)
            {
                skipped.Add(new BulkSkip(ticket.Id, ticket.Number, error.ToError().FieldErrors.Values.SelectMany(m => m).First()));
            }
            else
            {
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
