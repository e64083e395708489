using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Renewal;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketRenewalRoute
{
    private int? loadedVersion;
    private IReadOnlyList<RenewalRouteView>? routes;

    [Parameter, EditorRequired]
    public Guid TicketId { get; set; }

    /// <summary>The ticket's version: the routes are read again when it changes (a new diagnosis may change them).</summary>
    [Parameter]
    public int Version { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (loadedVersion != Version)
        {
            loadedVersion = Version;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetRenewalRoutesQuery { TicketId = TicketId });
        routes = result.IsSuccess ? result.Value : [];
    }

    private async Task ApplyAsync(RenewalRouteView route)
    {
        if ((await SendAsync(new ApplyRenewalRouteCommand { TicketId = TicketId, Route = route.Route })).IsSuccess)
        {
            Snackbar.Add(L["Renewal.AppliedNotice", route.Label], Severity.Success);
            await LoadAsync();
            await OnChanged.InvokeAsync();
        }
    }
}
