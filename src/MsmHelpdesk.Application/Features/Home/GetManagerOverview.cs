using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Home;

/// <summary>
/// Today's picture for a manager: the open backlog by status and by age, SLA at risk and breached, new and resolved
/// tickets per day of this week (Monday–Sunday, WIB), the next KPP visits, this week's top error codes, and who holds
/// how many open tickets. Each figure is one grouped query; no ticket is loaded into memory.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetManagerOverviewQuery : IQuery<Result<ManagerOverview>>
{
    public int Visits { get; set; } = 5;
    public int ErrorCodes { get; set; } = 5;
}

public sealed record ManagerOverview(
    DateOnly Today,
    DateOnly WeekStart,
    IReadOnlyList<StatusCount> OpenByStatus,
    IReadOnlyList<AgeBucket> OpenByAge,
    int SlaAtRisk,
    int SlaBreached,
    IReadOnlyList<DayFlow> Week,
    IReadOnlyList<UpcomingVisit> NextVisits,
    IReadOnlyList<ErrorCodeCount> TopErrorCodes,
    IReadOnlyList<AssigneeLoad> Holders)
{
    public int Open => OpenByStatus.Sum(s => s.Count);
}

public sealed record StatusCount(TicketStatus Status, int Count);

/// <summary>Open tickets reported between <see cref="MinDays"/> and <see cref="MaxDays"/> WIB days ago (inclusive; no maximum for the oldest).</summary>
public sealed record AgeBucket(int MinDays, int? MaxDays, int Count, DateOnly? ReportedFrom, DateOnly ReportedTo);

public sealed record DayFlow(DateOnly Day, int New, int Resolved);

public sealed record UpcomingVisit(Guid TicketId, string TicketNumber, string ClientName, string Kpp, DateTimeOffset At, string? AssigneeName);

public sealed record ErrorCodeCount(string Code, int Count);

/// <summary>Open tickets held by one assignee; <see cref="AssigneeId"/> null for the unassigned.</summary>
public sealed record AssigneeLoad(string? AssigneeId, string Name, int Count);

public sealed class GetManagerOverviewHandler(IAppDbContextFactory databases, TimeProvider clock)
    : IQueryHandler<GetManagerOverviewQuery, Result<ManagerOverview>>
{
    /// <summary>Lower bounds (in WIB days since reported) of the age buckets: today, 1–2, 3–6, 7–29, 30+.</summary>
    public static readonly int[] AgeBounds = [0, 1, 3, 7, 30];

    public async ValueTask<Result<ManagerOverview>> Handle(GetManagerOverviewQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUniversalTime();
        var today = Wib.Today(clock);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var open = TicketWorkflow.Open.ToArray();
        var openTickets = db.Tickets.AsNoTracking().Where(t => open.Contains(t.Status));

        var byStatus = await openTickets
            .GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var ages = await AgesAsync(openTickets, today, cancellationToken);
        var atRisk = await openTickets.Where(SlaQueries.InState(SlaState.AtRisk, now)).CountAsync(cancellationToken);
        var breached = await openTickets.Where(SlaQueries.InState(SlaState.Breached, now)).CountAsync(cancellationToken);

        var days = Enumerable.Range(0, 8).Select(i => InstantBuckets.WibMidnight(weekStart.AddDays(i))).ToArray();
        var reported = await CountPerDayAsync(db.Tickets.AsNoTracking(), InstantBuckets.Index<Ticket>(t => t.ReportedAt, days), cancellationToken);
        var resolved = await CountPerDayAsync(db.Tickets.AsNoTracking(), InstantBuckets.Index<Ticket>(t => t.ResolvedAt, days), cancellationToken);
        var week = Enumerable.Range(0, 7)
            .Select(i => new DayFlow(weekStart.AddDays(i), reported.GetValueOrDefault(i), resolved.GetValueOrDefault(i)))
            .ToArray();

        var visits = await (
                from visit in db.KppVisits.AsNoTracking()
                    .Where(v => v.Outcome == KppVisitOutcome.Scheduled && v.At >= now)
                    .OrderBy(v => v.At).ThenBy(v => v.Id)
                    .Take(Math.Clamp(query.Visits, 1, 20))
                join ticket in db.Tickets on visit.TicketId equals ticket.Id
                join client in db.Clients on visit.ClientId equals client.Id
                select new { visit.TicketId, ticket.Number, ClientName = client.Name, visit.Kpp, visit.At, visit.AssigneeId })
            .ToListAsync(cancellationToken);

        var weekFrom = days[0];
        var codes = await db.Tickets.AsNoTracking()
            .Where(t => t.ReportedAt >= weekFrom && t.ErrorCode != null)
            .GroupBy(t => t.ErrorCode!)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code)
            .Take(Math.Clamp(query.ErrorCodes, 1, 20))
            .ToListAsync(cancellationToken);

        var holders = await openTickets
            .GroupBy(t => t.AssigneeId)
            .Select(g => new { AssigneeId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var staffIds = holders.Select(h => h.AssigneeId).Concat(visits.Select(v => v.AssigneeId)).OfType<string>().Distinct().ToArray();
        var names = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);

        return new ManagerOverview(
            today,
            weekStart,
            open.Select(status => new StatusCount(status, byStatus.FirstOrDefault(row => row.Status == status)?.Count ?? 0)).ToArray(),
            ages,
            atRisk,
            breached,
            week,
            visits.Select(v => new UpcomingVisit(v.TicketId, v.Number, v.ClientName, v.Kpp, v.At, v.AssigneeId is { } id ? names.GetValueOrDefault(id) : null)).ToArray(),
            codes.Select(c => new ErrorCodeCount(c.Code, c.Count)).ToArray(),
            holders
                .Select(h => new AssigneeLoad(h.AssigneeId, h.AssigneeId is { } id ? names.GetValueOrDefault(id, id) : "", h.Count))
                .OrderByDescending(h => h.Count).ThenBy(h => h.Name, StringComparer.CurrentCulture)
                .ToArray());
    }

    private static async Task<IReadOnlyList<AgeBucket>> AgesAsync(IQueryable<Ticket> openTickets, DateOnly today, CancellationToken cancellationToken)
    {
        // Bucket i holds tickets reported on WIB days (today - upper + 1) … (today - AgeBounds[i]); the oldest has no start.
        var bounds = new List<DateTimeOffset> { DateTimeOffset.MinValue.ToUniversalTime() };
        for (var i = AgeBounds.Length - 1; i >= 1; i--)
        {
            bounds.Add(InstantBuckets.WibMidnight(today.AddDays(-AgeBounds[i] + 1)));
        }

        bounds.Add(DateTimeOffset.MaxValue.ToUniversalTime());
        var counts = await CountPerDayAsync(openTickets, InstantBuckets.Index<Ticket>(t => t.ReportedAt, bounds), cancellationToken);

        // Index 0 is the oldest bucket: turn it round so the list runs from today backwards.
        return AgeBounds
            .Select((min, i) =>
            {
                int? max = i + 1 < AgeBounds.Length ? AgeBounds[i + 1] - 1 : null;
                return new AgeBucket(min, max, counts.GetValueOrDefault(AgeBounds.Length - 1 - i), max is { } m ? today.AddDays(-m) : null, today.AddDays(-min));
            })
            .ToArray();
    }

    private static async Task<Dictionary<int, int>> CountPerDayAsync(IQueryable<Ticket> tickets, System.Linq.Expressions.Expression<Func<Ticket, int>> bucket, CancellationToken cancellationToken) =>
        (await tickets
            .Select(bucket)
            .Where(index => index >= 0)
            .GroupBy(index => index)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(row => row.Key, row => row.Count);
}
