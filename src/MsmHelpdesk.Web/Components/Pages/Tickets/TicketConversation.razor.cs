using System.Globalization;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketConversation
{
    private const int EventTextLength = 80;

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    /// <summary>Consultants by id, for the names in assignments.</summary>
    [Parameter]
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    /// <summary>The client's contacts, for the names in contact changes.</summary>
    [Parameter]
    public IReadOnlyList<ContactView> Contacts { get; set; } = [];

    /// <summary>What people said: shown in full, never folded.</summary>
    private static bool IsMessage(TimelineKind kind) => kind is TimelineKind.Note or TimelineKind.ClientMessage or TimelineKind.ReplySent;

    /// <summary>Messages one by one and the events between them as one group each; newest group first.</summary>
    private List<List<TimelineItem>> Groups()
    {
        var groups = new List<List<TimelineItem>>();
        foreach (var entry in View.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            if (IsMessage(entry.Kind) || groups.Count == 0 || IsMessage(groups[^1][0].Kind))
            {
                groups.Add([entry]);
            }
            else
            {
                groups[^1].Add(entry);
            }
        }

        groups.Reverse();
        return groups;
    }

    /// <summary>One short line: when, who, what; a step's or a change's text cut to a glance.</summary>
    private string EventLine(TimelineItem entry)
    {
        var when = Wib.ToWib(entry.At).ToString("d MMM HH.mm", CultureInfo.CurrentCulture);
        var text = entry.Text is not { } t || entry.Kind is TimelineKind.AttachmentAdded or TimelineKind.Created ? ""
            // A diagnosis entry stores its verdict as a code ("confirmed" or "corrected"), said here in words.
            : entry.Kind == TimelineKind.DiagnosisConfirmed ? $" ({L[$"Timeline.Verdict.{t}"]})"
            : $" «{Short(t)}»";
        return $"{when} · {entry.ActorName} {Describe(entry)}{text}";
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= EventTextLength ? line : line[..(EventTextLength - 1)] + "…";
    }

    private string Describe(TimelineItem entry) => entry.Kind switch
    {
        TimelineKind.Created => L["Timeline.Created"],
        TimelineKind.Note => L["Timeline.Note"],
        TimelineKind.ReplySent => L[$"Workspace.ReplySent.{entry.Field}"],
        TimelineKind.StatusChanged => L["Timeline.StatusChanged", L[$"Status.{entry.OldValue}"], L[$"Status.{entry.NewValue}"]],
        TimelineKind.AssigneeChanged => entry.NewValue is null ? L["Timeline.Unassigned"] : L["Timeline.Assigned", StaffName(entry.NewValue)],
        TimelineKind.AttachmentAdded => L["Timeline.Attachment", entry.Text ?? ""],
        TimelineKind.DiagnosisConfirmed => L["Timeline.DiagnosisConfirmed", DiagnosisText(entry.OldValue), DiagnosisText(entry.NewValue)],
        TimelineKind.ClientMessage => L["Timeline.ClientMessage"],
        TimelineKind.Reminder => L["Timeline.Reminder"],
        TimelineKind.StepDoneByFact => L["Timeline.StepDoneByFact", L[$"StepFact.{entry.NewValue}"]],
        _ when WorkTimeline.Describes(entry.Kind) => WorkTimeline.Describe(entry, L, StaffName),
        _ when DeskTimeline.Describes(entry.Kind) => DeskTimeline.Describe(entry, L),
        _ => L["Timeline.FieldChanged", L[$"TicketField.{entry.Field}"], FieldValue(entry.Field, entry.OldValue), FieldValue(entry.Field, entry.NewValue)],
    };

    /// <summary>"upload/expired-certificate" as the user reads it: "Upload · Sertifikat kedaluwarsa".</summary>
    private string DiagnosisText(string? stored) => stored?.Split('/', 2) switch
    {
        [var scenario, var cause] => $"{L[$"Scenario.{scenario}"]} · {L[$"Cause.{cause}"]}",
        _ => "–",
    };

    private string StaffName(string id) => Staff.FirstOrDefault(member => member.Id == id)?.DisplayName ?? "?";

    private string FieldValue(string? field, string? value) => (field, value) switch
    {
        (_, null or "") => "–",
        ("Channel", _) => L[$"Channel.{value}"],
        ("Priority", _) => L[$"Priority.{value}"],
        ("ContactId", _) => Contacts.FirstOrDefault(c => c.Id.ToString() == value)?.Name ?? "?",
        ("ReportedAt", _) when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => Wib.Format(at, CultureInfo.CurrentCulture),
        _ => value,
    };
}
