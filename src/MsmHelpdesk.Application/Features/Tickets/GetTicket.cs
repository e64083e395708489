using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>One ticket with its client, contact, timeline and attachments; by id or by number.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetTicketQuery : IQuery<Result<TicketView>>
{
    public Guid? TicketId { get; set; }
    public string? Number { get; set; }
}

public sealed record TicketView(
    Guid Id,
    string Number,
    Guid ClientId,
    string ClientName,
    string ClientNpwp,
    CertificateState ClientCertificateState,
    DateOnly? ClientCertificateExpiresOn,
    Guid? ContactId,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    TicketChannel Channel,
    string ErrorText,
    string? ErrorCode,
    string? Activity,
    string? SystemVersion,
    string? Description,
    TicketPriority Priority,
    TicketStatus Status,
    string? AssigneeId,
    string? AssigneeName,
    DateTimeOffset ReportedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ResolutionSummary,
    int Version,
    IReadOnlyList<TicketStatus> NextStatuses,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<AttachmentItem> Attachments,
    Diagnosis.DiagnosisView? Suggested,
    TicketDiagnosis? Confirmed)
{
    public sealed record ClientPart(Guid Id, string Name, string Npwp, DateOnly? CertificateExpiresOn);

    public sealed record ContactPart(Guid Id, string Name, string? Phone, string? Email);

    /// <summary>
    /// The view of a ticket read from the database, or of one just created (its timeline ids assigned by the save). The
    /// creator passes the suggestion's evidence it holds (the stored JSON was serialised from it), so the view does not read
    /// that JSON back (decision record 0192).
    /// </summary>
    public static TicketView Of(
        Ticket ticket, ClientPart client, ContactPart? contact, string? assigneeName, IReadOnlyList<TimelineItem> timeline,
        IReadOnlyList<AttachmentItem> attachments, Domain.Classification.Catalogue catalogue, DateOnly today,
        IReadOnlyList<Diagnosis.EvidenceView>? suggestedEvidence = null)
    {
        var suggested = ticket.Suggested is { } stored
            ? new Diagnosis.DiagnosisView(
                ticket.ErrorCode is null ? [] : [ticket.ErrorCode], false, stored.Scenario, stored.ScenarioConfidence, stored.Cause, stored.CauseConfidence,
                suggestedEvidence ?? Diagnosis.Diagnostician.EvidenceOf(stored), stored.Version, Diagnosis.Playbooks.For(catalogue, ticket.ErrorCode, stored.Cause))
            : null;
        return new TicketView(
            ticket.Id, ticket.Number, client.Id, client.Name, Npwp.Format(client.Npwp),
            CertificateStates.Of(client.CertificateExpiresOn, today), client.CertificateExpiresOn,
            contact?.Id, contact?.Name, contact?.Phone, contact?.Email,
            ticket.Channel, ticket.ErrorText, ticket.ErrorCode, ticket.Activity, ticket.SystemVersion, ticket.Description,
            ticket.Priority, ticket.Status, ticket.AssigneeId, assigneeName, ticket.ReportedAt, ticket.CreatedAt, ticket.UpdatedAt,
            ticket.ResolutionSummary, ticket.Version, TicketWorkflow.NextFrom(ticket.Status), timeline, attachments, suggested, ticket.Confirmed);
    }

    public static IReadOnlyList<TimelineItem> TimelineOf(Ticket ticket) =>
        [.. ticket.Timeline.OrderBy(entry => entry.Id)
            .Select(entry => new TimelineItem(entry.Id, entry.Kind, entry.At, entry.ActorName, entry.Text, entry.Field, entry.OldValue, entry.NewValue))];
}

public sealed record TimelineItem(long Id, TimelineKind Kind, DateTimeOffset At, string ActorName, string? Text, string? Field, string? OldValue, string? NewValue);

public sealed record AttachmentItem(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed class GetTicketHandler(IAppDbContextFactory databases, Diagnosis.Diagnostician diagnostician, TimeProvider clock) : IQueryHandler<GetTicketQuery, Result<TicketView>>
{
    public async ValueTask<Result<TicketView>> Handle(GetTicketQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking();
        var number = query.Number?.Trim().ToUpperInvariant();
        var ticket = query.TicketId is { } id
            ? await tickets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            : await tickets.SingleOrDefaultAsync(t => t.Number == number, cancellationToken);
        if (ticket is null)
        {
            return Error.NotFound("ticket-not-found", AppText.TicketNotFound);
        }

        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == ticket.ClientId, cancellationToken);
        var contact = ticket.ContactId is null ? null : await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ticket.ContactId, cancellationToken);
        var assignee = ticket.AssigneeId is null ? null
            : await db.Staff.Where(s => s.Id == ticket.AssigneeId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var timeline = await db.TimelineEntries.AsNoTracking()
            .Where(entry => entry.TicketId == ticket.Id)
            .OrderBy(entry => entry.Id)
            .Select(entry => new TimelineItem(entry.Id, entry.Kind, entry.At, entry.ActorName, entry.Text, entry.Field, entry.OldValue, entry.NewValue))
            .ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.TicketId == ticket.Id)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt))
            .ToListAsync(cancellationToken);

        var catalogue = await diagnostician.CatalogueAsync(cancellationToken);
        return TicketView.Of(
            ticket, new TicketView.ClientPart(client.Id, client.Name, client.Npwp, client.CertificateExpiresOn),
            contact is null ? null : new TicketView.ContactPart(contact.Id, contact.Name, contact.Phone, contact.Email),
            assignee, timeline, attachments, catalogue, Domain.Time.Wib.Today(clock));
    }
}
