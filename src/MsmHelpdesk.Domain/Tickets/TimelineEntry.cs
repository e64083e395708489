namespace MsmHelpdesk.Domain.Tickets;

/// <summary>One line of a ticket's audit trail. Append-only: nothing in the product edits or deletes it.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    public TimelineKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>A note's text, a resolution summary, an attachment's file name.</summary>
    public string? Text { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    internal static TimelineEntry Create(
        Guid ticketId,
        TimelineKind kind,
        Actor actor,
        DateTimeOffset at,
        string? text = null,
        string? field = null,
        string? oldValue = null,
        string? newValue = null) => new()
        {
            TicketId = ticketId,
            Kind = kind,
            At = at,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Text = text,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
        };
}
