using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// For every ticket waiting on the client: after the policy's reminder days the assignee is reminded once
/// (a timeline entry marks it, so later runs skip it); after its auto-close days the ticket is closed by the
/// system with the reason on the timeline. Calendar days, counted from the latest move to WaitingOnClient.
/// Sent by the "waiting-on-client" job.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record RunWaitingOnClientCommand : ICommand<Result<WaitingOnClientOutcome>>;

public sealed record WaitingOnClientOutcome(int Reminded, int Closed)
{
    public string Describe() => $"waiting on client: {Reminded} reminded, {Closed} closed for no reply";
}

public sealed class RunWaitingOnClientValidator : AbstractValidator<RunWaitingOnClientCommand>;

public sealed class RunWaitingOnClientHandler(IAppDbContextFactory databases, INotifier notifier, ICurrentUser currentUser, WaitingOnClientPolicy policy, TimeProvider clock)
    : ICommandHandler<RunWaitingOnClientCommand, Result<WaitingOnClientOutcome>>
{
    public const string ReminderKind = "waiting-on-client-reminder";
    public const string ClosedKind = "waiting-on-client-closed";

    public async ValueTask<Result<WaitingOnClientOutcome>> Handle(RunWaitingOnClientCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remindBefore = now.AddDays(-policy.ReminderDays);
        var closeBefore = now.AddDays(-policy.AutoCloseDays);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var waiting = nameof(TicketStatus.WaitingOnClient);
        List<WaitingTicket> due;
        SlaRules sla;
        await using (var db = await databases.CreateAsync(cancellationToken))
        {
            sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
            due = (await db.Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.WaitingOnClient)
                .Select(t => new
                {
                    t.Id,
                    t.Number,
                    t.AssigneeId,
                    Since = t.Timeline.Where(e => e.Kind == TimelineKind.StatusChanged && e.NewValue == waiting).Max(e => (DateTimeOffset?)e.At),
                    LastReminder = t.Timeline.Where(e => e.Kind == TimelineKind.Reminder && e.Field == Ticket.WaitingOnClientMarker).Max(e => (DateTimeOffset?)e.At),
                })
                .Where(t => t.Since <= remindBefore)
                .ToListAsync(cancellationToken))
                .Select(t => new WaitingTicket(t.Id, t.Number, t.AssigneeId, t.Since, t.LastReminder))
                .ToList();
        }

        int reminded = 0, closed = 0;
        foreach (var candidate in due)
        {
            var close = candidate.Since <= closeBefore;
            if (!close && candidate.LastReminder >= candidate.Since)
            {
                continue;
            }

            await using var db = await databases.CreateAsync(cancellationToken);
            var ticket = await TicketStore.FindAsync(db, candidate.Id, cancellationToken);
            if (ticket is null || ticket.Status != TicketStatus.WaitingOnClient)
            {
                continue;
            }

            if (close)
            {
                ticket.CloseForNoReply(AppText.WaitingAutoCloseReason(policy.AutoCloseDays), actor, now, sla);
            }
            else
            {
                ticket.AddReminder(AppText.WaitingReminderNote(policy.ReminderDays), Ticket.WaitingOnClientMarker, actor, now);
            }

            var recipients = ticket.AssigneeId is { } assignee ? [assignee] : await notifier.ActiveUsersInRoleAsync(Roles.Consultant, cancellationToken);
            var kind = close ? ClosedKind : ReminderKind;
            notifier.Stage(db, recipients, new Notice
            {
                Kind = kind,
                Key = $"{kind}:{ticket.Id}:{candidate.Since!.Value.UtcTicks}",
                Title = close ? AppText.WaitingClosedTitle(ticket.Number) : AppText.WaitingReminderTitle(ticket.Number, policy.ReminderDays),
                Body = close ? AppText.WaitingAutoCloseReason(policy.AutoCloseDays) : AppText.WaitingReminderBody,
                Link = $"/tickets/{ticket.Number}",
            });
            try
            {
                // The timeline entry and the notification are saved together.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone changed the ticket meanwhile (or another run did this): the next run looks at it again.
                continue;
            }

            _ = close ? closed++ : reminded++;
        }

        return new WaitingOnClientOutcome(reminded, closed);
    }

    private sealed record WaitingTicket(Guid Id, string Number, string? AssigneeId, DateTimeOffset? Since, DateTimeOffset? LastReminder);
}
