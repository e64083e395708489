using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>After a calendar edit: open tickets' running clocks keep their remaining business time, laid out in the new calendar.</summary>
internal static class SlaRecalendar
{
    private const int Batch = 500;

    public static async Task ApplyAsync(IAppDbContext db, BusinessCalendar previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var open = TicketWorkflow.Open.ToArray();
        for (var page = 0; ; page++)
        {
            var tickets = await db.Tickets
                .Where(t => open.Contains(t.Status)
                    && ((t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt > now) || t.SlaResolutionDueAt > now))
                .OrderBy(t => t.Id).Skip(page * Batch).Take(Batch).ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                return;
            }

            foreach (var ticket in tickets)
            {
                ticket.RecalendarSla(previous, current, now);
            }

            // SLA instants are the system's, not a person's edit: they do not raise the ticket's version. The
            // set of tickets does not shrink (their due instants stay in the future), so paging by offset is stable.
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
