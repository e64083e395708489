using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketDetails
{
    private bool editing;

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<ContactView> Contacts { get; set; } = [];

    /// <summary>Reloads the ticket on the page and returns it; the form compares it with what it opened.</summary>
    [Parameter, EditorRequired]
    public Func<Task<TicketView?>> Reload { get; set; } = null!;
}
