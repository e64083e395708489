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

/// <summary>One update on the outage for every client with an open linked ticket; it lands in each ticket's conversation.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record PostIncidentUpdateCommand : ICommand<Result<int>>
{
    public Guid IncidentId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class PostIncidentUpdateValidator : AbstractValidator<PostIncidentUpdateCommand>
{
    public PostIncidentUpdateValidator() => RuleFor(command => command.Text).RequiredText(FieldLimits.NoteMaxLength);
}

public sealed class PostIncidentUpdateHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PostIncidentUpdateCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(PostIncidentUpdateCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var incident = await IncidentStore.FindAsync(db, command.IncidentId, cancellationToken);
        if (incident is null)
        {
            return IncidentStore.NotFound();
        }

        var open = TicketWorkflow.Open.ToArray();
        var tickets = await db.Tickets.Where(t => t.IncidentId == incident.Id && open.Contains(t.Status)).ToListAsync(cancellationToken);
        if (tickets.Count == 0)
        {
            return Error.Validation(nameof(command.Text), DeskText.IncidentNoLinkedTickets);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var ticket in tickets)
        {
            ticket.PostIncidentUpdate(incident, command.Text, actor, now);
        }

        var saved = await TicketStore.SaveAsync(db, tickets[0].Id, cancellationToken);
        return saved.IsSuccess ? tickets.Count : saved.Error;
    }
}
