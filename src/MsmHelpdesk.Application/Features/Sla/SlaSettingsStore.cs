using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Caching;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>
/// The business calendar and SLA policies as stored: the built-in default hours (Mon–Fri 08:00–17:00 WIB) and
/// default targets until a Manager or Admin saves their own, plus every holiday in the table. Read on each use
/// (two small tables), except by ticket creation, which keeps them in <see cref="SlaRulesCache"/>.
/// </summary>
public static class SlaSettingsStore
{
    public static async Task<BusinessCalendar> CalendarAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var hours = await db.WorkingHours.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        var standard = BusinessCalendar.Default;
        return hours is null
            ? new BusinessCalendar(standard.Opens, standard.Closes, standard.WorkingDays, holidays)
            : new BusinessCalendar(hours.Opens, hours.Closes, hours.WorkingDays, holidays);
    }

    public static async Task<IReadOnlyDictionary<TicketPriority, SlaTarget>> TargetsAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var saved = await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken);
        return Enum.GetValues<TicketPriority>().ToDictionary(
            priority => priority,
            priority => saved.FirstOrDefault(p => p.Priority == priority)?.Target ?? SlaRules.DefaultTargets[priority]);
    }

    public static async Task<SlaRules> RulesAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        new(await CalendarAsync(db, cancellationToken), await TargetsAsync(db, cancellationToken));
}

/// <summary>The <see cref="IBusinessCalendarSource"/> for other features (KPP visits, reminders): read from the database.</summary>
public sealed class DatabaseBusinessCalendarSource(IAppDbContextFactory databases) : IBusinessCalendarSource
{
    public async Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        return await SlaSettingsStore.CalendarAsync(db, cancellationToken);
    }
}

/// <summary>
/// <see cref="SlaFacts.StateAt"/> as SQL: the same rules over the ticket's columns, so the list filters and the
/// escalation job count in the database. A test holds the two to the same answers.
/// </summary>
public static class SlaQueries
{
    private static readonly TicketStatus[] Open = [.. TicketWorkflow.Open];

    /// <summary>Tickets in any of <paramref name="states"/>: the single-state filters joined with OR.</summary>
    public static Expression<Func<Ticket, bool>> InAny(IEnumerable<SlaState> states, DateTimeOffset now)
    {
        var parameter = Expression.Parameter(typeof(Ticket), "t");
        var body = states.Distinct()
            .Select(state => InState(state, now))
            .Select(filter => new Rebind(filter.Parameters[0], parameter).Visit(filter.Body))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Ticket, bool>>(body, parameter);
    }

    public static Expression<Func<Ticket, bool>> InState(SlaState state, DateTimeOffset now) => state switch
    {
        SlaState.None => t => t.SlaResolutionTargetMinutes == null,
        SlaState.Breached => t => t.SlaResolutionTargetMinutes != null
            && (t.SlaFirstResponseMet == false || t.SlaResolutionMet == false
                || (Open.Contains(t.Status) && t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt <= now)
                || (Open.Contains(t.Status) && t.SlaResolutionDueAt <= now)),
        SlaState.Met => t => t.SlaResolutionTargetMinutes != null && !Open.Contains(t.Status)
            && t.SlaFirstResponseMet != false && t.SlaResolutionMet != false,
        SlaState.Paused => t => t.SlaResolutionTargetMinutes != null && Open.Contains(t.Status) && t.SlaResolutionPausedAt != null
            && t.SlaFirstResponseMet != false
            && !(t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt <= now),
        SlaState.AtRisk => t => t.SlaResolutionTargetMinutes != null && Open.Contains(t.Status) && t.SlaResolutionPausedAt == null
            && t.SlaFirstResponseMet != false
            && !(t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt <= now)
            && !(t.SlaResolutionDueAt <= now)
            && ((t.SlaFirstRespondedAt == null && t.SlaFirstResponseAtRiskAt <= now) || t.SlaResolutionAtRiskAt <= now),
        _ => t => t.SlaResolutionTargetMinutes != null && Open.Contains(t.Status) && t.SlaResolutionPausedAt == null
            && t.SlaFirstResponseMet != false
            && !(t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt <= now)
            && !(t.SlaResolutionDueAt <= now)
            && !(t.SlaFirstRespondedAt == null && t.SlaFirstResponseAtRiskAt <= now)
            && !(t.SlaResolutionAtRiskAt <= now),
    };

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// The SLA rules (calendar, holidays, targets) for creating tickets, read once and kept: every ticket creation needs
/// them and they change a few times a year. The commands that edit them invalidate this cache. Decision record 0162.
/// </summary>
public sealed class SlaRulesCache : ReferenceDataCache<SlaRules>
{
    public Task<SlaRules> RulesAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        GetAsync(() => SlaSettingsStore.RulesAsync(db, cancellationToken));
}
