using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Idempotency;
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

    /// <summary>Set when an API client sent an Idempotency-Key: the ticket and the key's record are saved together.</summary>
    public IdempotencyClaim? Idempotency { get; set; }
}

public sealed record TicketCreated(Guid Id, string Number)
{
    /// <summary>What the classifier suggested for the new ticket.</summary>
    public Diagnosis.DiagnosisView? Suggestion { get; init; }

    /// <summary>The ticket as <see cref="GetTicketQuery"/> would show it, built from what was just written rather than read back.</summary>
    public TicketView? View { get; init; }

    /// <summary>Its SLA clocks at creation.</summary>
    public Sla.TicketSlaView? Sla { get; init; }
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

/// <remarks>
/// A handful of statements per ticket (decision record 0160): the client and its certificate facts in one read, the
/// outage count bounded at its threshold, the SLA rules, the tax deadlines and the catalogue from their caches, then one write
/// transaction: the year's number (UPDATE … RETURNING) and one batch with the ticket, its timeline and its report totals.
/// </remarks>
public sealed class CreateTicketHandler(
    IAppDbContextFactory databases, ICurrentUser currentUser, Diagnosis.Diagnostician diagnostician, Sla.SlaRulesCache slaRules,
    Calendar.TaxDeadlinesCache taxDeadlines, TimeProvider clock)
    : ICommandHandler<CreateTicketCommand, Result<TicketCreated>>
{
    public async ValueTask<Result<TicketCreated>> Handle(CreateTicketCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await FindClientAsync(db, command, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        var clientId = client.Id;
        TicketView.ContactPart? contact = null;
        if (command.ContactId is { } contactId)
        {
            contact = await db.Clients.Where(c => c.Id == clientId).SelectMany(c => c.Contacts).Where(c => c.Id == contactId)
                .Select(c => new TicketView.ContactPart(c.Id, c.Name, c.Phone, c.Email)).FirstOrDefaultAsync(cancellationToken);
            if (contact is null)
            {
                return Error.Validation(nameof(command.ContactId), AppText.ContactNotOfClient);
            }
        }

        string? assigneeName = null;
        if (command.AssigneeId is { } assignee)
        {
            assigneeName = await db.Staff.Where(s => s.Id == assignee && s.IsActive).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken);
            if (assigneeName is null)
            {
                return Error.Validation(nameof(command.AssigneeId), AppText.AssigneeInvalid);
            }
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        // Whole milliseconds, which the database keeps exactly: the view handed back equals a later read of the ticket.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var fields = command.ToFields(now);
        var suggestion = await diagnostician.DiagnoseAsync(
            db, new Diagnosis.DiagnosisFacts(clientId, fields.ErrorText, fields.Description, fields.Activity, fields.ReportedAt), client.Certificate, cancellationToken);
        var sla = await slaRules.RulesAsync(db, cancellationToken);
        // A problem that blocks a filing due within 3 working days is Urgent from the start, and says why.
        var today = Domain.Time.Wib.Today(clock);
        var upcoming = Calendar.FilingDeadlines.Next(await taxDeadlines.DeadlinesAsync(db, cancellationToken), today, sla.Calendar);
        // The write itself: on SQLite it may share its transaction and commit with other creations waiting at the same
        // moment (decision record 0205); it is answered only after that commit.
        var (ticket, refusal) = await databases.WriteAsync<(Ticket? Ticket, Error? Refusal)>(db, async (writer, ct) =>
        {
            await using var transaction = await writer.BeginTransactionAsync(ct);
            var year = Domain.Time.Wib.ToWib(now).Year;
            var number = TicketNumber.Format(year, await writer.NextTicketSequenceAsync(year, ct));
            var ticket = Ticket.Open(number, clientId, fields, actor, now, sla);
            ticket.RecordSuggestion(Diagnosis.Diagnostician.ToSuggestion(suggestion, now));
            if (Calendar.FilingDeadlines.Threatened(upcoming, ticket.DiagnosedScenario, today, sla.Calendar) is { } due)
            {
                ticket.RaiseForDeadline(Calendar.FilingDeadlines.Reason(due, today, sla.Calendar), actor, now, sla);
            }

            if (command.AssigneeId is not null)
            {
                ticket.AssignTo(command.AssigneeId, actor, now);
            }

            if (command.Idempotency is { } claim && await IdempotencyClaims.ClaimAsync(writer, claim, ticket.Id, ticket.Number, now, ct) is { } refused)
            {
                return (null, refused); // the transaction rolls back: the sequence number is not used up
            }

            await writer.AddNewTicketAsync(ticket, ct);
            if (await IdempotencyClaims.SaveAsync(writer, transaction, command.Idempotency, ct) is { } replay)
            {
                return (null, replay);
            }

            await transaction.CommitAsync(ct);
            return (ticket, null);
        }, cancellationToken);
        if (ticket is null)
        {
            return refusal!;
        }

        var view = TicketView.Of(ticket, HeaderOf(client), contact, assigneeName, TicketView.TimelineOf(ticket), [],
            await diagnostician.CatalogueAsync(cancellationToken), Domain.Time.Wib.Today(clock), suggestion.Evidence);
        return new TicketCreated(ticket.Id, ticket.Number) { Suggestion = suggestion, View = view, Sla = Sla.TicketSlaView.Of(ticket, sla.Calendar, now) };
    }

    private static TicketView.ClientPart HeaderOf(ClientForTicket client) =>
        new(client.Id, client.Name, client.Npwp, Client.ExpiryOf(client.Certificate.IssuedOn, client.Certificate.ExpiresOnEntered));

    /// <summary>The client and what the classifier needs to know of it, in one read (a compiled query, decision 0196).</summary>
    private static Task<ClientForTicket?> FindClientAsync(IAppDbContext db, CreateTicketCommand command, CancellationToken cancellationToken) =>
        command.ClientId != Guid.Empty ? db.FindClientForTicketAsync(command.ClientId, null, cancellationToken)
        : Npwp.Parse(command.ClientNpwp).Npwp is { } npwp ? db.FindClientForTicketAsync(Guid.Empty, npwp.Value, cancellationToken)
        : Task.FromResult<ClientForTicket?>(null);
}
