using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>
/// Daily (job "kpp-visit-reminders"): tells the consultant of each planned visit up to the next working day which
/// documents are still missing and which officer must come. A visit is reminded once per visit date: the date is
/// recorded on the visit, and the notice key carries visit and date, so a re-run sends nothing while a rescheduled
/// visit (a new visit on a new date) is reminded again.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record SendKppVisitRemindersCommand : ICommand<Result<KppVisitReminders>>;

public sealed record KppVisitReminders(DateOnly Through, int Visits, int Sent)
{
    public string Describe() => WorkText.RemindersSent(Sent, Through.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class SendKppVisitRemindersHandler(IAppDbContextFactory databases, IBusinessCalendarSource calendars, INotifier notifier, TimeProvider clock)
    : ICommandHandler<SendKppVisitRemindersCommand, Result<KppVisitReminders>>
{
    public const string Kind = "kpp-visit-reminder";

    public async ValueTask<Result<KppVisitReminders>> Handle(SendKppVisitRemindersCommand command, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var through = (await calendars.GetAsync(cancellationToken)).NextWorkingDay(today);

        // Tomorrow through the next working day: on Friday that covers Saturday, Sunday and Monday.
        var from = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        var until = new DateTimeOffset(through.AddDays(1).ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        await using var db = await databases.CreateAsync(cancellationToken);
        var visits = await db.KppVisits
            .Where(v => v.Outcome == KppVisitOutcome.Scheduled && v.At >= from && v.At < until)
            .OrderBy(v => v.At)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var visit in visits.Where(v => v.RemindedFor != v.DayWib))
        {
            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == visit.TicketId).Select(t => new { t.Number, t.AssigneeId }).SingleAsync(cancellationToken);
            var recipient = visit.AssigneeId ?? ticket.AssigneeId;
            if (recipient is null)
            {
                // Nobody to tell yet: not marked, so the next run reminds whoever is assigned by then.
                continue;
            }

            var client = await db.Clients.AsNoTracking().Where(c => c.Id == visit.ClientId).Select(c => c.Name).SingleAsync(cancellationToken);
            var missing = visit.MissingDocuments == KppDocuments.None ? WorkText.ReminderNothingMissing : WorkText.Documents(visit.MissingDocuments);
            var notice = new Notice
            {
                Kind = Kind,
                Key = $"{Kind}:{visit.Id}:{visit.DayWib:yyyy-MM-dd}",
                Title = WorkText.ReminderTitle(ticket.Number, visit.DayWib.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.CurrentUICulture)),
                Body = WorkText.ReminderBody(Wib.Format(visit.At, System.Globalization.CultureInfo.CurrentUICulture), visit.Kpp, client, visit.OfficerName, missing),
                Link = $"/tickets/{ticket.Number}",
            };
            sent += await notifier.NotifyAsync([recipient], notice, cancellationToken);

            // Recorded after the notice: a crash in between repeats the notice, which its key makes harmless.
            visit.MarkReminded();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new KppVisitReminders(through, visits.Count, sent);
    }
}
