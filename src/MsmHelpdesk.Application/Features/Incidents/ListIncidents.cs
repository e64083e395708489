using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Incidents;

/// <summary>Incidents, open first then newest, with their open ticket counts; and the outages that look like one but have none.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListIncidentsQuery : IQuery<Result<IncidentOverview>>
{
    /// <summary>Resolved incidents shown, newest first; open ones are always all shown.</summary>
    public int ResolvedLimit { get; set; } = 50;
}

public sealed record IncidentRow(Guid Id, string Title, string? ErrorCode, IncidentStatus Status, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, int OpenTickets, int Tickets);

/// <summary>An error code that many clients reported in the last hour with no open incident for it.</summary>
public sealed record IncidentSuggestion(string ErrorCode, int Clients);

public sealed record IncidentOverview(IReadOnlyList<IncidentRow> Incidents, IReadOnlyList<IncidentSuggestion> Suggestions);

public sealed class ListIncidentsHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<ListIncidentsQuery, Result<IncidentOverview>>
{
    /// <summary>
    /// The classifier reads <see cref="Classifier.OutageReports"/> other clients with the same code in the hour as a
    /// DJP outage; counting the ticket that tipped it, that is one more client.
    /// </summary>
    public const int SuggestionClients = Classifier.OutageReports + 1;

    public async ValueTask<Result<IncidentOverview>> Handle(ListIncidentsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Open).ToListAsync(cancellationToken);
        incidents.AddRange(await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Resolved)
            .OrderByDescending(i => i.StartedAt).Take(Math.Clamp(query.ResolvedLimit, 0, 500)).ToListAsync(cancellationToken));
        var ids = incidents.Select(i => i.Id).ToArray();
        var open = TicketWorkflow.Open.ToArray();
        var counts = await db.Tickets.AsNoTracking().Where(t => t.IncidentId != null && ids.Contains(t.IncidentId.Value))
            .GroupBy(t => t.IncidentId!.Value)
            .Select(g => new { Id = g.Key, All = g.Count(), Open = g.Count(t => open.Contains(t.Status)) })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var rows = incidents
            .OrderBy(i => i.Status).ThenByDescending(i => i.StartedAt)
            .Select(i => new IncidentRow(i.Id, i.Title, i.ErrorCode, i.Status, i.StartedAt, i.ResolvedAt,
                counts.GetValueOrDefault(i.Id)?.Open ?? 0, counts.GetValueOrDefault(i.Id)?.All ?? 0))
            .ToArray();
        return new IncidentOverview(rows, await SuggestAsync(db, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>Codes reported by at least <see cref="SuggestionClients"/> clients in the last hour that no open incident covers.</summary>
    public static async Task<IReadOnlyList<IncidentSuggestion>> SuggestAsync(IAppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-1);
        var covered = db.Incidents.Where(i => i.Status == IncidentStatus.Open && i.ErrorCode != null).Select(i => i.ErrorCode);
        var busy = await db.Tickets.AsNoTracking()
            .Where(t => t.ErrorCode != null && t.ReportedAt >= since && t.ReportedAt <= now && !covered.Contains(t.ErrorCode))
            .Select(t => new { t.ErrorCode, t.ClientId }).Distinct()
            .GroupBy(t => t.ErrorCode!)
            .Select(g => new { Code = g.Key, Clients = g.Count() })
            .Where(g => g.Clients >= SuggestionClients)
            .ToListAsync(cancellationToken);
        return busy.OrderByDescending(g => g.Clients).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => new IncidentSuggestion(g.Code, g.Clients)).ToArray();
    }
}
