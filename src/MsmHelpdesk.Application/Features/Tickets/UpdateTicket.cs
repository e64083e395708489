using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// Saves edited ticket fields. If someone else saved the ticket since the editor loaded it, nothing is
/// written: the caller gets a conflict and can show what changed, keeping the user's input.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record UpdateTicketCommand : TicketForm, ICommand<Result<int>>
{
    public Guid TicketId { get; set; }

    public int ExpectedVersion { get; set; }
}

public sealed class UpdateTicketValidator(TimeProvider clock) : TicketFormValidator<UpdateTicketCommand>(clock);

public sealed class UpdateTicketHandler(IAppDbContextFactory databases, ICurrentUser currentUser, Diagnosis.Diagnostician diagnostician, TimeProvider clock)
    : ICommandHandler<UpdateTicketCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(UpdateTicketCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        if (ticket.Version != command.ExpectedVersion)
        {
            return await TicketStore.ConflictAsync(db, ticket.Id, cancellationToken);
        }

        if (command.ContactId is { } contactId
            && !await db.Clients.AnyAsync(c => c.Id == ticket.ClientId && c.Contacts.Any(contact => contact.Id == contactId), cancellationToken))
        {
            return Error.Validation(nameof(command.ContactId), AppText.ContactNotOfClient);
        }

        var now = clock.GetUtcNow();
        var fields = command.ToFields(now) with { ReportedAt = command.ReportedAt?.ToUniversalTime() ?? ticket.ReportedAt };
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        ticket.Edit(fields, await currentUser.GetActorAsync(cancellationToken), now, sla);
        var suggestion = await diagnostician.DiagnoseAsync(db, new Diagnosis.DiagnosisFacts(ticket.ClientId, fields.ErrorText, fields.Description, fields.Activity, fields.ReportedAt), cancellationToken);
        ticket.RecordSuggestion(Diagnosis.Diagnostician.ToSuggestion(suggestion, now));
        var saved = await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
        return saved.IsSuccess ? ticket.Version : saved.Error;
    }
}
