using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Incidents;

/// <summary>One incident with its linked tickets and the updates sent to their clients.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetIncidentQuery : IQuery<Result<IncidentView>>
{
    public Guid IncidentId { get; set; }
}

public sealed record IncidentTicket(Guid Id, string Number, string ClientName, TicketStatus Status, DateTimeOffset ReportedAt);

public sealed record IncidentUpdateItem(DateTimeOffset At, string ActorName, string Text, int Tickets);

public sealed record IncidentView(
    Guid Id, string Title, string? ErrorCode, IncidentStatus Status, DateTimeOffset StartedAt, string? Description,
    string CreatedByName, DateTimeOffset? ResolvedAt, string? ResolutionSummary,
    IReadOnlyList<IncidentTicket> Tickets, IReadOnlyList<IncidentUpdateItem> Updates);

public sealed class GetIncidentHandler(IAppDbContextFactory databases) : IQueryHandler<GetIncidentQuery, Result<IncidentView>>
{
    public async ValueTask<Result<IncidentView>> Handle(GetIncidentQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.IncidentId, cancellationToken);
        if (incident is null)
        {
            return IncidentStore.NotFound();
        }

        var tickets = await db.Tickets.AsNoTracking().Where(t => t.IncidentId == incident.Id)
            .Join(db.Clients, t => t.ClientId, c => c.Id, (t, c) => new IncidentTicket(t.Id, t.Number, c.Name, t.Status, t.ReportedAt))
            .ToListAsync(cancellationToken);
        var ids = tickets.Select(t => t.Id).ToArray();

        // The same update goes to every ticket at the same instant: one line per update, with how many clients it reached.
        var updates = await db.TimelineEntries.AsNoTracking()
            .Where(e => ids.Contains(e.TicketId) && e.Kind == TimelineKind.IncidentUpdate)
            .Select(e => new { e.At, e.ActorName, e.Text })
            .ToListAsync(cancellationToken);
        var grouped = updates.GroupBy(u => (u.At, u.ActorName, u.Text))
            .Select(g => new IncidentUpdateItem(g.Key.At, g.Key.ActorName, g.Key.Text ?? "", g.Count()))
            .OrderByDescending(u => u.At).ToArray();
        return new IncidentView(incident.Id, incident.Title, incident.ErrorCode, incident.Status, incident.StartedAt, incident.Description,
            incident.CreatedByName, incident.ResolvedAt, incident.ResolutionSummary,
            tickets.OrderBy(t => t.Number, StringComparer.Ordinal).ToArray(), grouped);
    }
}
