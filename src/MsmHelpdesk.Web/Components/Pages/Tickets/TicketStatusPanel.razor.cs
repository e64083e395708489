using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketStatusPanel
{
    private readonly FormErrors errors = new();
    private string? resolutionSummary;
    private bool resolveRefused;

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    /// <summary>Raised after the status changed, so the page reloads the ticket.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private async Task MoveAsync(TicketStatus to)
    {
        var command = new ChangeTicketStatusCommand
        {
            TicketId = View.Id,
            To = to,
            ResolutionSummary = to == TicketStatus.Resolved ? resolutionSummary : null,
        };
        var moved = (await SendAsync(command, errors)).IsSuccess;
        resolveRefused = !moved && to == TicketStatus.Resolved;
        if (!moved)
        {
            return;
        }

        resolutionSummary = null;
        await OnChanged.InvokeAsync();
    }
}
