using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>
/// Tells every active Manager about open tickets whose first-response or resolution clock is at risk or breached,
/// once per ticket, clock and state. Each escalation is recorded (SlaEscalations) in the same step as the
/// notices, so a second run, or a run after a restart, finds nothing left to say; Notice.Key covers a crash
/// between the two. A clock found already breached is escalated as breached only (its at-risk moment has passed).
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record EscalateSlaCommand : ICommand<Result<SlaEscalationOutcome>>;

public sealed record SlaEscalationOutcome(int Escalations, int Notices)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Escalations} escalations, {Notices} notices");
}

public sealed class EscalateSlaHandler(IAppDbContextFactory databases, INotifier notifier, TimeProvider clock)
    : ICommandHandler<EscalateSlaCommand, Result<SlaEscalationOutcome>>
{
    private const int Batch = 200;

    public async ValueTask<Result<SlaEscalationOutcome>> Handle(EscalateSlaCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var managers = await notifier.ActiveUsersInRoleAsync(Roles.Manager, cancellationToken);
        if (managers.Count == 0)
        {
            // Nobody to tell: record nothing, so the escalations go out once a Manager exists.
            return new SlaEscalationOutcome(0, 0);
        }

        var escalations = 0;
        var notices = 0;
        var raced = new HashSet<(Guid, SlaClock, SlaState)>();
        await using var db = await databases.CreateAsync(cancellationToken);
        foreach (var (clockKind, state) in new[]
                 {
                     (SlaClock.FirstResponse, SlaState.Breached), (SlaClock.Resolution, SlaState.Breached),
                     (SlaClock.FirstResponse, SlaState.AtRisk), (SlaClock.Resolution, SlaState.AtRisk),
                 })
        {
            while (true)
            {
                var due = await Due(db, clockKind, state, now).OrderBy(t => t.Id).Take(Batch)
                    .Select(t => new { t.Id, t.Number, Due = clockKind == SlaClock.FirstResponse ? t.SlaFirstResponseDueAt : t.SlaResolutionDueAt })
                    .ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var ticket in due)
                {
                    notices += await notifier.NotifyAsync(managers, NoticeFor(ticket.Id, ticket.Number, clockKind, state, ticket.Due), cancellationToken);

                    db.SlaEscalations.Add(SlaEscalation.Record(ticket.Id, clockKind, state, managers.Count, now));
                    if (state == SlaState.Breached)
                    {
                        // Its at-risk moment is past: never send a stale "at risk" after the breach.
                        var atRiskSent = await db.SlaEscalations.AnyAsync(e => e.TicketId == ticket.Id && e.Clock == clockKind && e.State == SlaState.AtRisk, cancellationToken);
                        if (!atRiskSent)
                        {
                            db.SlaEscalations.Add(SlaEscalation.Record(ticket.Id, clockKind, SlaState.AtRisk, 0, now));
                        }
                    }

                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        escalations++;
                    }
                    catch (DbUpdateException) when (raced.Add((ticket.Id, clockKind, state)))
                    {
                        // Another node's run recorded this escalation first (unique index); its notices carry the
                        // same keys, so nothing went out twice. Forget the unsaved rows and go on; a second failure for the
                        // same escalation is not a race and is thrown.
                        db.ClearTracked();
                    }
                }
            }
        }

        return new SlaEscalationOutcome(escalations, notices);
    }

    /// <summary>Open tickets whose clock is in <paramref name="state"/> now and that were not escalated for it yet.</summary>
    private static IQueryable<Ticket> Due(IAppDbContext db, SlaClock clockKind, SlaState state, DateTimeOffset now)
    {
        var open = TicketWorkflow.Open.ToArray();
        var tickets = db.Tickets.AsNoTracking().Where(t => open.Contains(t.Status)
            && !db.SlaEscalations.Any(e => e.TicketId == t.Id && e.Clock == clockKind && e.State == state));
        return (clockKind, state) switch
        {
            (SlaClock.FirstResponse, SlaState.Breached) => tickets.Where(t => t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt <= now),
            (SlaClock.FirstResponse, _) => tickets.Where(t => t.SlaFirstRespondedAt == null && t.SlaFirstResponseAtRiskAt <= now && t.SlaFirstResponseDueAt > now),
            (SlaClock.Resolution, SlaState.Breached) => tickets.Where(t => t.SlaResolutionDueAt <= now),
            _ => tickets.Where(t => t.SlaResolutionAtRiskAt <= now && t.SlaResolutionDueAt > now),
        };
    }

    private static Notice NoticeFor(Guid ticketId, string number, SlaClock clockKind, SlaState state, DateTimeOffset? due)
    {
        var clockName = clockKind == SlaClock.FirstResponse ? AppText.SlaClockFirstResponse : AppText.SlaClockResolution;
        var dueText = due is { } at ? Wib.Format(at, CultureInfo.CurrentCulture) : "-";
        var breached = state == SlaState.Breached;
        return new Notice
        {
            Kind = breached ? "sla-breached" : "sla-at-risk",
            Key = string.Create(CultureInfo.InvariantCulture, $"{(breached ? "sla-breached" : "sla-at-risk")}:{ticketId}:{(clockKind == SlaClock.FirstResponse ? "first-response" : "resolution")}"),
            Title = breached ? AppText.SlaNoticeBreachedTitle(number, clockName) : AppText.SlaNoticeAtRiskTitle(number, clockName),
            Body = breached ? AppText.SlaNoticeBreachedBody(number, clockName, dueText) : AppText.SlaNoticeAtRiskBody(number, clockName, dueText),
            Link = $"/tickets/{number}",
        };
    }
}
