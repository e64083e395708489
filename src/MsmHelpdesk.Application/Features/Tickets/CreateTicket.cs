using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Logs a client's call as a new ticket with the next number of the year.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record CreateTicketCommand : TicketForm, ICommand<Result<TicketCreated>>
{
    public Guid ClientId { get; set; }

    /// <summary>For integrations that know the NPWP rather than our id; used when ClientId is empty.</summary>
    public string? ClientNpwp { get; set; }

    public string? AssigneeId { get; set; }
}

public sealed record TicketCreated(Guid Id, string Number)
{
    /// <summary>What the classifier suggested for the new ticket.</summary>
    public Diagnosis.DiagnosisView? Suggestion { get; init; }
}

public sealed class CreateTicketValidator : TicketFormValidator<CreateTicketCommand>
{
    public CreateTicketValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(command => command.ClientId)
            .Must((command, id) => id != Guid.Empty || !string.IsNullOrWhiteSpace(command.ClientNpwp))
            .WithMessage(_ => AppText.Required);

        // A malformed NPWP is a typing error to point at, not a client that does not exist.
        RuleFor(command => command.ClientNpwp)
            .Custom((npwp, context) =>
            {
                if (Npwp.Parse(npwp).Problem is { } problem)
                {
                    context.AddFailure(Clients.ClientRules.NpwpMessage(problem));
                }
            })
            .When(command => command.ClientId == Guid.Empty && !string.IsNullOrWhiteSpace(command.ClientNpwp));
    }
}

public sealed class CreateTicketHandler(IAppDbContextFactory databases, ICurrentUser currentUser, Diagnosis.Diagnostician diagnostician, TimeProvider clock)
    : ICommandHandler<CreateTicketCommand, Result<TicketCreated>>
{
    public async ValueTask<Result<TicketCreated>> Handle(CreateTicketCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var clientId = await FindClientAsync(db, command, cancellationToken);
        if (clientId is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        if (command.ContactId is { } contactId
            && !await db.Clients.AnyAsync(c => c.Id == clientId && c.Contacts.Any(contact => contact.Id == contactId), cancellationToken))
        {
            return Error.Validation(nameof(command.ContactId), AppText.ContactNotOfClient);
        }

        if (command.AssigneeId is { } assignee && !await db.Staff.AnyAsync(s => s.Id == assignee && s.IsActive, cancellationToken))
        {
            return Error.Validation(nameof(command.AssigneeId), AppText.AssigneeInvalid);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var fields = command.ToFields(now);
        var suggestion = await diagnostician.DiagnoseAsync(db, new Diagnosis.DiagnosisFacts(clientId, fields.ErrorText, fields.Description, fields.Activity, fields.ReportedAt), cancellationToken);
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var year = Domain.Time.Wib.ToWib(now).Year;
        var number = TicketNumber.Format(year, await db.NextTicketSequenceAsync(year, cancellationToken));
        var ticket = Ticket.Open(number, clientId.Value, fields, actor, now, sla);
        ticket.RecordSuggestion(Diagnosis.Diagnostician.ToSuggestion(suggestion, now));
        // A problem that blocks a filing due within 3 working days is Urgent from the start, and says why.
        var today = Domain.Time.Wib.Today(clock);
        var upcoming = await Calendar.FilingDeadlines.NextAsync(db, today, sla.Calendar, cancellationToken);
        if (Calendar.FilingDeadlines.Threatened(upcoming, ticket.DiagnosedScenario, today, sla.Calendar) is { } due)
        {
            ticket.RaiseForDeadline(Calendar.FilingDeadlines.Reason(due, today, sla.Calendar), actor, now, sla);
        }

        if (command.AssigneeId is not null)
        {
            ticket.AssignTo(command.AssigneeId, actor, now);
        }

        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TicketCreated(ticket.Id, ticket.Number) { Suggestion = suggestion };
    }

    private static async Task<Guid?> FindClientAsync(IAppDbContext db, CreateTicketCommand command, CancellationToken cancellationToken)
    {
        if (command.ClientId != Guid.Empty)
        {
            return await db.Clients.AnyAsync(c => c.Id == command.ClientId, cancellationToken) ? command.ClientId : null;
        }

        var npwp = Npwp.Parse(command.ClientNpwp).Npwp;
        return npwp is null
            ? null
            : await db.Clients.Where(c => c.Npwp == npwp.Value).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
