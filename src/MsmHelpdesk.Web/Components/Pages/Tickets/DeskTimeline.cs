using Microsoft.Extensions.Localization;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Resources;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

/// <summary>The timeline lines of incidents and merges, in words.</summary>
public static class DeskTimeline
{
    private static readonly HashSet<TimelineKind> Kinds =
        [TimelineKind.IncidentLinked, TimelineKind.IncidentUpdate, TimelineKind.MergedInto, TimelineKind.MergedFrom];

    public static bool Describes(TimelineKind kind) => Kinds.Contains(kind);

    public static string Describe(TimelineItem entry, IStringLocalizer<UiText> L) => entry.Kind switch
    {
        TimelineKind.IncidentLinked => L["Timeline.IncidentLinked"],
        TimelineKind.IncidentUpdate => L["Timeline.IncidentUpdate", entry.NewValue ?? ""],
        TimelineKind.MergedInto => L["Timeline.MergedInto", entry.NewValue ?? "?"],
        TimelineKind.MergedFrom => L["Timeline.MergedFrom", entry.NewValue ?? "?"],
        _ => entry.Kind.ToString(),
    };
}
