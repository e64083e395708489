using MsmHelpdesk.Domain.Sla;

namespace MsmHelpdesk.Domain.Tickets;

public sealed partial class Ticket
{
    /// <summary>The marker of the reminder that says why a ticket was raised for a filing deadline.</summary>
    public const string DeadlineMarker = "deadline-urgent";

    /// <summary>
    /// Raises an open ticket to Urgent because a filing it blocks is due soon, with the reason on the timeline.
    /// False (nothing changes) when it is already Urgent or no longer open, so a daily re-check says it once.
    /// </summary>
    public bool RaiseForDeadline(string reason, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        if (Priority == TicketPriority.Urgent || !TicketWorkflow.IsOpen(Status))
        {
            return false;
        }

        var before = Priority;
        Priority = TicketPriority.Urgent;
        OnPriorityChangedForSla(sla, now);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.FieldChanged, actor, now, field: nameof(Priority), oldValue: before.ToString(), newValue: Priority.ToString()));
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.Reminder, actor, now, text: reason.Trim(), field: DeadlineMarker));
        Touch(now);
        return true;
    }
}
