using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// What ties a ticket to others: its incident, the ticket it was merged into, and the duplicates merged into it
/// with their whole history (timeline and attachments, each marked with the ticket it came from).
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetTicketLinksQuery : IQuery<Result<TicketLinks>>
{
    public Guid TicketId { get; set; }
}

public sealed record LinkedIncident(Guid Id, string Title, IncidentStatus Status);

public sealed record MergedTicket(Guid Id, string Number, IReadOnlyList<TimelineItem> Timeline, IReadOnlyList<AttachmentItem> Attachments);

public sealed record TicketLinks(LinkedIncident? Incident, string? MergedIntoNumber, IReadOnlyList<MergedTicket> MergedFrom);

public sealed class GetTicketLinksHandler(IAppDbContextFactory databases) : IQueryHandler<GetTicketLinksQuery, Result<TicketLinks>>
{
    public async ValueTask<Result<TicketLinks>> Handle(GetTicketLinksQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == query.TicketId)
            .Select(t => new { t.Id, t.IncidentId, t.MergedIntoId }).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var incident = ticket.IncidentId is { } incidentId
            ? await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new LinkedIncident(i.Id, i.Title, i.Status)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var mergedInto = ticket.MergedIntoId is { } intoId
            ? await db.Tickets.AsNoTracking().Where(t => t.Id == intoId).Select(t => t.Number).SingleOrDefaultAsync(cancellationToken)
            : null;

        var duplicates = await db.Tickets.AsNoTracking().Where(t => t.MergedIntoId == ticket.Id)
            .OrderBy(t => t.Number).Select(t => new { t.Id, t.Number }).ToListAsync(cancellationToken);
        var ids = duplicates.Select(d => d.Id).ToArray();
        var entries = await db.TimelineEntries.AsNoTracking().Where(e => ids.Contains(e.TicketId)).OrderBy(e => e.Id)
            .Select(e => new { e.TicketId, Item = new TimelineItem(e.Id, e.Kind, e.At, e.ActorName, e.Text, e.Field, e.OldValue, e.NewValue) })
            .ToListAsync(cancellationToken);
        var files = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.TicketId)).OrderBy(a => a.UploadedAt)
            .Select(a => new { a.TicketId, Item = new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt) })
            .ToListAsync(cancellationToken);
        var merged = duplicates.Select(d => new MergedTicket(d.Id, d.Number,
            entries.Where(e => e.TicketId == d.Id).Select(e => e.Item).ToArray(),
            files.Where(f => f.TicketId == d.Id).Select(f => f.Item).ToArray())).ToArray();
        return new TicketLinks(incident, mergedInto, merged);
    }
}
