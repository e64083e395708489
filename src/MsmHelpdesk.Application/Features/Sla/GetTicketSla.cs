using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>A ticket's SLA state now, with the due instant of the clock that matters and the business time left.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetTicketSlaQuery : IQuery<Result<TicketSlaView>>
{
    public Guid TicketId { get; set; }
}

public sealed record TicketSlaView(
    SlaState State,
    SlaClock Clock,
    DateTimeOffset? DueAt,
    TimeSpan? Remaining,
    TimeSpan? PausedRemaining,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstRespondedAt,
    bool? FirstResponseMet,
    DateTimeOffset? ResolutionDueAt,
    bool? ResolutionMet)
{
    /// <summary>The SLA view of a ticket's columns; the calendar is needed only for an open ticket with a clock running (to count the business time left).</summary>
    public static TicketSlaView Of(SlaFacts facts, long? resolutionUsedSeconds, BusinessCalendar? calendar, DateTimeOffset now)
    {
        var state = facts.StateAt(now);
        var (which, due) = facts.NextDue;
        TimeSpan? remaining = null;
        if (due is { } dueAt && facts.Open && calendar is not null)
        {
            remaining = dueAt > now ? calendar.WorkingTimeBetween(now, dueAt) : -calendar.WorkingTimeBetween(dueAt, now);
        }

        TimeSpan? pausedRemaining = facts.ResolutionPausedAt is not null && facts.ResolutionTargetMinutes is { } target
            ? TimeSpan.FromMinutes(target) - TimeSpan.FromSeconds(resolutionUsedSeconds ?? 0)
            : null;
        return new TicketSlaView(state, which, due, remaining, pausedRemaining, facts.FirstResponseDueAt, facts.FirstRespondedAt,
            facts.FirstResponseMet, facts.ResolutionDueAt, facts.ResolutionMet);
    }

    /// <summary>A ticket in memory (just created), with the calendar it was created under.</summary>
    public static TicketSlaView Of(Domain.Tickets.Ticket t, BusinessCalendar calendar, DateTimeOffset now) => Of(
        new SlaFacts(Domain.Tickets.TicketWorkflow.IsOpen(t.Status), t.SlaResolutionTargetMinutes, t.SlaFirstResponseDueAt, t.SlaFirstResponseAtRiskAt,
            t.SlaFirstRespondedAt, t.SlaFirstResponseMet, t.SlaResolutionDueAt, t.SlaResolutionAtRiskAt, t.SlaResolutionPausedAt, t.SlaResolutionMet),
        t.SlaResolutionUsedSeconds, calendar, now);
}

public sealed class GetTicketSlaHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetTicketSlaQuery, Result<TicketSlaView>>
{
    public async ValueTask<Result<TicketSlaView>> Handle(GetTicketSlaQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == query.TicketId)
            .Select(t => new
            {
                t.Status,
                t.SlaResolutionTargetMinutes,
                t.SlaFirstResponseDueAt,
                t.SlaFirstResponseAtRiskAt,
                t.SlaFirstRespondedAt,
                t.SlaFirstResponseMet,
                t.SlaResolutionDueAt,
                t.SlaResolutionAtRiskAt,
                t.SlaResolutionPausedAt,
                t.SlaResolutionUsedSeconds,
                t.SlaResolutionMet,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var facts = new SlaFacts(Domain.Tickets.TicketWorkflow.IsOpen(ticket.Status), ticket.SlaResolutionTargetMinutes,
            ticket.SlaFirstResponseDueAt, ticket.SlaFirstResponseAtRiskAt, ticket.SlaFirstRespondedAt, ticket.SlaFirstResponseMet,
            ticket.SlaResolutionDueAt, ticket.SlaResolutionAtRiskAt, ticket.SlaResolutionPausedAt, ticket.SlaResolutionMet);
        var now = clock.GetUtcNow();
        var calendar = facts.Open && facts.NextDue.DueAt is not null ? await SlaSettingsStore.CalendarAsync(db, cancellationToken) : null;
        return TicketSlaView.Of(facts, ticket.SlaResolutionUsedSeconds, calendar, now);
    }
}
