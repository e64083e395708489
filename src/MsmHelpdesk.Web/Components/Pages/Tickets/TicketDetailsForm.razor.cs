using System.Globalization;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketDetailsForm
{
    private readonly FormErrors errors = new();
    private UpdateTicketCommand edit = new();

    /// <summary>The ticket as it was when this form was opened (or last followed): a conflict is shown against it.</summary>
    private TicketView? original;

    private TicketView? seen;
    private bool restartAfterSave;
    private ConflictNotice? conflict;
    private IReadOnlyList<string> secretFields = [];

    /// <summary>The latest ticket the page loaded.</summary>
    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<ContactView> Contacts { get; set; } = [];

    /// <summary>Reloads the ticket on the page and returns it (null when it could not be read).</summary>
    [Parameter, EditorRequired]
    public Func<Task<TicketView?>> Reload { get; set; } = null!;

    /// <summary>Raised after a save (or cancel): the page shows the read view again.</summary>
    [Parameter]
    public EventCallback OnDone { get; set; }

    private sealed record ConflictNotice(string Message, IReadOnlyList<FieldChange> Changes);

    private sealed record FieldChange(string Label, string Before, string Now);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(View, seen))
        {
            return;
        }

        seen = View;
        if (original is null || original.Id != View.Id || restartAfterSave)
        {
            restartAfterSave = false;
            StartEditing(View);
        }
        else if (SameFields(original, View))
        {
            // A new version from one of my own actions (status, steps…): follow it, keep what I typed.
            original = View;
            edit.ExpectedVersion = View.Version;
        }
    }

    private void StartEditing(TicketView current)
    {
        original = current;
        edit = new UpdateTicketCommand
        {
            TicketId = current.Id,
            ExpectedVersion = current.Version,
            ContactId = current.ContactId,
            Channel = current.Channel,
            ErrorText = current.ErrorText,
            Activity = current.Activity,
            SystemVersion = current.SystemVersion,
            Description = current.Description,
            Priority = current.Priority,
            ReportedAt = current.ReportedAt,
        };
        conflict = null;
        errors.Clear();
    }

    private async Task SaveAsync()
    {
        secretFields = TicketFieldsEditor.FieldsWithSecrets(edit, L);
        if (secretFields.Count > 0)
        {
            return;
        }

        var opened = original;
        var result = await SendAsync(edit, errors);
        if (result.IsSuccess)
        {
            Snackbar.Add(L["Ticket.Saved"], Severity.Success);
            restartAfterSave = true;
            await Reload();
            await OnDone.InvokeAsync();
            return;
        }

        if (result.Error.Kind == ErrorKind.Conflict && opened is not null && await Reload() is { } latest)
        {
            // Keep what the user typed; show what the other person changed since this form was opened.
            conflict = new ConflictNotice(result.Error.Message, Differences(opened, latest));
        }
    }

    private async Task OverwriteAsync()
    {
        original = View;
        edit.ExpectedVersion = View.Version;
        conflict = null;
        await SaveAsync();
    }

    private void TakeTheirs() => StartEditing(View);

    private void Redact()
    {
        TicketFieldsEditor.RedactSecrets(edit);
        secretFields = [];
    }

    private IReadOnlyList<FieldChange> Differences(TicketView before, TicketView now) =>
        Fields(before).Zip(Fields(now))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new FieldChange(pair.First.Label, pair.First.Value, pair.Second.Value))
            .ToArray();

    private static bool SameFields(TicketView a, TicketView b) =>
        (a.ContactId, a.Channel, a.ErrorText, a.Activity, a.SystemVersion, a.Description, a.Priority, a.ReportedAt)
        == (b.ContactId, b.Channel, b.ErrorText, b.Activity, b.SystemVersion, b.Description, b.Priority, b.ReportedAt);

    private (string Label, string Value)[] Fields(TicketView ticket) =>
    [
        (L["Ticket.Contact"], ticket.ContactName ?? "–"),
        (L["Ticket.Channel"], L[$"Channel.{ticket.Channel}"]),
        (L["Ticket.ErrorText"], ticket.ErrorText),
        (L["Ticket.Activity"], ticket.Activity ?? "–"),
        (L["Ticket.SystemVersion"], ticket.SystemVersion ?? "–"),
        (L["Ticket.Description"], ticket.Description ?? "–"),
        (L["Ticket.Priority"], L[$"Priority.{ticket.Priority}"]),
        (L["Ticket.ReportedAt"], MsmHelpdesk.Domain.Time.Wib.Format(ticket.ReportedAt, CultureInfo.CurrentCulture)),
    ];
}
