using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.DemoData;

internal sealed record DemoTimelineEntry(TimelineKind Kind, DateTimeOffset At, Actor Actor, string? Text, string? OldValue, string? NewValue);

internal static class DemoTimeline
{
    /// <summary>Adds an entry after every entry at or before its instant, so the timeline stays in time order.</summary>
    public static void Insert(List<DemoTimelineEntry> timeline, DemoTimelineEntry entry)
    {
        var at = timeline.FindIndex(e => e.At > entry.At);
        timeline.Insert(at < 0 ? timeline.Count : at, entry);
    }
}
