using System.Globalization;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketConversation
{
    private readonly FormErrors noteErrors = new();
    private string? note;
    private bool noteSecret;

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    /// <summary>Consultants by id, for the names in assignments.</summary>
    [Parameter]
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    /// <summary>The client's contacts, for the names in contact changes.</summary>
    [Parameter]
    public IReadOnlyList<ContactView> Contacts { get; set; } = [];

    /// <summary>Raised after a note or a client reply was added, so the page reloads the ticket.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private IReadOnlyList<string> NoteSecretFields => noteSecret ? [L["Ticket.Note"].Value] : [];

    private void RedactNote()
    {
        note = note is null ? null : SecretGuard.Redact(note);
        noteSecret = false;
    }

    private async Task AddNoteAsync()
    {
        noteSecret = SecretGuard.ContainsSecret(note);
        if (noteSecret)
        {
            return;
        }

        if (!(await SendAsync(new AddTicketNoteCommand { TicketId = View.Id, Text = note ?? "" }, noteErrors)).IsSuccess)
        {
            return;
        }

        note = null;
        await OnChanged.InvokeAsync();
    }

    private string Describe(TimelineItem entry) => entry.Kind switch
    {
        TimelineKind.Created => L["Timeline.Created"],
        TimelineKind.Note => L["Timeline.Note"],
        TimelineKind.StatusChanged => L["Timeline.StatusChanged", L[$"Status.{entry.OldValue}"], L[$"Status.{entry.NewValue}"]],
        TimelineKind.AssigneeChanged => entry.NewValue is null ? L["Timeline.Unassigned"] : L["Timeline.Assigned", StaffName(entry.NewValue)],
        TimelineKind.AttachmentAdded => L["Timeline.Attachment", entry.Text ?? ""],
        TimelineKind.DiagnosisConfirmed => L["Timeline.DiagnosisConfirmed", DiagnosisText(entry.OldValue), DiagnosisText(entry.NewValue)],
        TimelineKind.ClientMessage => L["Timeline.ClientMessage"],
        TimelineKind.Reminder => L["Timeline.Reminder"],
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
        ("ReportedAt", _) when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => MsmHelpdesk.Domain.Time.Wib.Format(at, CultureInfo.CurrentCulture),
        _ => value,
    };
}
