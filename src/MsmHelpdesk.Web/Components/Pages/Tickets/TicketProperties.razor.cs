using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Firm;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MsmHelpdesk.Web.Resources;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketProperties
{
    private readonly FormErrors errors = new();
    private Property? editing;
    private string? assigneeDraft;
    private TicketPriority priorityDraft;
    private TicketChannel channelDraft;
    private Guid? contactDraft;
    private string firmName = "";

    private enum Property
    {
        Assignee,
        Priority,
        Channel,
        Contact,
    }

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    [Parameter]
    public IReadOnlyList<ContactView> Contacts { get; set; } = [];

    /// <summary>Raised after a property changed, so the page reloads the ticket.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private void Edit(Property property)
    {
        errors.Clear();
        editing = property;
        assigneeDraft = View.AssigneeId;
        priorityDraft = View.Priority;
        channelDraft = View.Channel;
        contactDraft = View.ContactId;
    }

    private void Cancel()
    {
        editing = null;
        errors.Clear();
    }

    private async Task SaveAsync()
    {
        var result = editing switch
        {
            Property.Assignee => await SendAsync(new AssignTicketCommand { TicketId = View.Id, AssigneeId = assigneeDraft }, errors),
            Property.Priority => await SendAsync(Edited(command => command.Priority = priorityDraft), errors),
            Property.Channel => await SendAsync(Edited(command => command.Channel = channelDraft), errors),
            Property.Contact => await SendAsync(Edited(command => command.ContactId = contactDraft), errors),
            _ => Result.Success(),
        };
        if (!result.IsSuccess)
        {
            if (result.Error.Kind == ErrorKind.Conflict)
            {
                // Someone changed the ticket meanwhile: show the latest values; the message says what happened.
                editing = null;
                await OnChanged.InvokeAsync();
            }

            return;
        }

        editing = null;
        Snackbar.Add(L["Ticket.Saved"], Severity.Success);
        await OnChanged.InvokeAsync();
    }

    /// <summary>The ticket's fields as they are, with one changed, checked against the version shown.</summary>
    private UpdateTicketCommand Edited(Action<UpdateTicketCommand> change)
    {
        var command = new UpdateTicketCommand
        {
            TicketId = View.Id,
            ExpectedVersion = View.Version,
            ContactId = View.ContactId,
            Channel = View.Channel,
            ErrorText = View.ErrorText,
            Activity = View.Activity,
            SystemVersion = View.SystemVersion,
            Description = View.Description,
            Priority = View.Priority,
            ReportedAt = View.ReportedAt,
        };
        change(command);
        return command;
    }

    protected override async Task OnInitializedAsync() =>
        firmName = await Sender.Send(new GetFirmNameQuery()) is { IsSuccess: true } firm ? firm.Value.Name : "";

    /// <summary>The status in words for the client, always in Indonesian; a finished ticket promises no further news.</summary>
    private string WhatsAppLink(string phone) =>
        PhoneNumber.WhatsAppLink(phone, UiTextIndonesian.Format(TicketWorkflow.IsOpen(View.Status) ? "WhatsApp.StatusMessage" : "WhatsApp.StatusMessageFinished",
            View.ContactName ?? "", View.Number, View.ClientName, UiTextIndonesian.Get($"Status.{View.Status}"), firmName));
}
