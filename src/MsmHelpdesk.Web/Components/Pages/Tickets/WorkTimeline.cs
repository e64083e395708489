using System.Globalization;
using Microsoft.Extensions.Localization;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Web.Resources;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

/// <summary>The timeline lines of resolution steps and KPP visits, in words.</summary>
public static class WorkTimeline
{
    private static readonly HashSet<TimelineKind> Kinds =
    [
        TimelineKind.StepAdded, TimelineKind.StepsFromPlaybook, TimelineKind.StepRemoved, TimelineKind.StepStatusChanged,
        TimelineKind.StepEdited, TimelineKind.StepMoved, TimelineKind.ResolveOverridden,
        TimelineKind.VisitScheduled, TimelineKind.VisitUpdated, TimelineKind.VisitOutcome,
    ];

    public static bool Describes(TimelineKind kind) => Kinds.Contains(kind);

    public static string Describe(TimelineItem entry, IStringLocalizer<UiText> L, Func<string, string> staffName) => entry.Kind switch
    {
        TimelineKind.StepAdded => entry.NewValue == "required" ? L["Timeline.StepAddedRequired"] : L["Timeline.StepAdded"],
        TimelineKind.StepsFromPlaybook => L["Timeline.StepsFromPlaybook", entry.OldValue ?? "?", L[$"Cause.{entry.NewValue}"]],
        TimelineKind.StepRemoved => L["Timeline.StepRemoved", L[$"Cause.{entry.OldValue}"]],
        TimelineKind.StepStatusChanged => L["Timeline.StepStatusChanged", L[$"StepStatus.{entry.OldValue}"], L[$"StepStatus.{entry.NewValue}"]],
        TimelineKind.StepEdited => L["Timeline.StepEdited", L[$"StepField.{entry.Field}"], StepValue(entry.Field, entry.OldValue, staffName), StepValue(entry.Field, entry.NewValue, staffName)],
        TimelineKind.StepMoved => L["Timeline.StepMoved", entry.OldValue ?? "?", entry.NewValue ?? "?"],
        TimelineKind.ResolveOverridden => L["Timeline.ResolveOverridden", entry.NewValue ?? "?", entry.OldValue ?? ""],
        TimelineKind.VisitScheduled => L["Timeline.VisitScheduled", Instant(entry.NewValue), entry.OldValue ?? "?"],
        TimelineKind.VisitUpdated => L["Timeline.VisitUpdated", entry.OldValue ?? "?", entry.NewValue ?? "?"],
        TimelineKind.VisitOutcome => Outcome(entry, L),
        _ => entry.Kind.ToString(),
    };

    private static string Outcome(TimelineItem entry, IStringLocalizer<UiText> L) => (entry.NewValue ?? "").Split('|', 2) switch
    {
        ["CertificateIssued", var date] => L["Timeline.VisitIssued", date],
        ["Rescheduled", var to] => L["Timeline.VisitRescheduled", Instant(entry.OldValue), Instant(to)],
        [var outcome] when Enum.TryParse<KppVisitOutcome>(outcome, out _) => L["Timeline.VisitEnded", L[$"VisitOutcome.{outcome}"]],
        _ => L["Timeline.VisitOutcome"],
    };

    private static string StepValue(string? field, string? value, Func<string, string> staffName) => (field, value) switch
    {
        (_, null or "") => "–",
        ("AssigneeId", _) => staffName(value),
        _ => value,
    };

    private static string Instant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Wib.Format(at, CultureInfo.CurrentCulture) : "?";
}
