using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Sla;
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
    bool? ResolutionMet);

public sealed class GetTicketSlaHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetTicketSlaQuery, Result<TicketSlaView>>
{
    public async ValueTask<Result<TicketSlaView>> Handle(GetTicketSlaQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == query.TicketId)
            .Select(t => new
            {
                t.Status, t.SlaResolutionTargetMinutes, t.SlaFirstResponseDueAt, t.SlaFirstResponseAtRiskAt, t.SlaFirstRespondedAt, t.SlaFirstResponseMet,
                t.SlaResolutionDueAt, t.SlaResolutionAtRiskAt, t.SlaResolutionPausedAt, t.SlaResolutionUsedSeconds, t.SlaResolutionMet,
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
        var state = facts.StateAt(now);
        var (which, due) = facts.NextDue;
        TimeSpan? remaining = null;
        if (due is { } dueAt && facts.Open)
        {
            var calendar = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
            remaining = dueAt > now ? calendar.WorkingTimeBetween(now, dueAt) : -calendar.WorkingTimeBetween(dueAt, now);
        }

        TimeSpan? pausedRemaining = ticket.SlaResolutionPausedAt is not null && ticket.SlaResolutionTargetMinutes is { } target
            ? TimeSpan.FromMinutes(target) - TimeSpan.FromSeconds(ticket.SlaResolutionUsedSeconds ?? 0)
            : null;
        return new TicketSlaView(state, which, due, remaining, pausedRemaining, ticket.SlaFirstResponseDueAt, ticket.SlaFirstRespondedAt,
            ticket.SlaFirstResponseMet, ticket.SlaResolutionDueAt, ticket.SlaResolutionMet);
    }
}
