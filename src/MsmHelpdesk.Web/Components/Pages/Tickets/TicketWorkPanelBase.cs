using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

/// <summary>
/// A panel of the ticket page that works on the ticket's work (its steps, its KPP visits): it loads the work
/// and loads it again whenever the page passes a new version of the ticket.
/// </summary>
public abstract class TicketWorkPanelBase : SendingComponentBase
{
    private int? _loadedVersion;

    [Parameter, EditorRequired]
    public Guid TicketId { get; set; }

    /// <summary>The ticket's version: the panel reloads when it changes.</summary>
    [Parameter]
    public int Version { get; set; }

    [Parameter]
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    /// <summary>Raised after a change, so the page reloads the ticket and its timeline.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected TicketWork? Work { get; private set; }

    protected string? LoadError { get; private set; }

    protected bool IsOpen => Work is not null && TicketWorkflow.IsOpen(Work.Status);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedVersion != Version)
        {
            _loadedVersion = Version;
            await LoadAsync();
        }
    }

    protected async Task LoadAsync()
    {
        var result = await Sender.Send(new GetTicketWorkQuery { TicketId = TicketId });
        if (result.IsSuccess)
        {
            Work = result.Value;
            LoadError = null;
        }
        else
        {
            LoadError = result.Error.Message;
        }
    }
}
