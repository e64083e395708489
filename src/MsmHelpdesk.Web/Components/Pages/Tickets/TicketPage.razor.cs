using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketPage
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    private TicketView? view;
    private IReadOnlyList<ContactView> contacts = [];
    private IReadOnlyList<StaffMember> staff = [];
    private string? loadError;

    [Parameter]
    public string Number { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        var team = await Sender.Send(new ListStaffQuery());
        staff = team.IsSuccess ? team.Value : [];
        if (await LoadAsync() is { } loaded)
        {
            var client = await Sender.Send(new GetClientQuery(loaded.ClientId));
            contacts = client.IsSuccess ? client.Value.Contacts : [];
        }
    }

    private async Task<TicketView?> LoadAsync()
    {
        var result = await Sender.Send(new GetTicketQuery { Number = Number });
        if (!result.IsSuccess)
        {
            loadError = result.Error.Message;
            return null;
        }

        view = result.Value;
        return view;
    }

    /// <summary>After a panel changed the ticket: every panel shows the new version.</summary>
    private Task ReloadAsync() => LoadAsync();

    /// <summary>For the details form, which compares the latest ticket with what it opened.</summary>
    private async Task<TicketView?> ReloadAndShowAsync()
    {
        var latest = await LoadAsync();
        StateHasChanged();
        return latest;
    }
}
