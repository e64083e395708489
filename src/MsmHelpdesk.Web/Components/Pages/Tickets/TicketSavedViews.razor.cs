using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MsmHelpdesk.Application.Features.Views;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketSavedViews
{
    private readonly FormErrors errors = new();
    private IReadOnlyList<TicketViewItem> views = [];
    private bool naming;
    private string? name;
    private Guid? appliedId;

    /// <summary>The list's filters and sort as they are now.</summary>
    [Parameter, EditorRequired]
    public Func<TicketViewFilters> Current { get; set; } = default!;

    [Parameter]
    public EventCallback<TicketViewFilters> OnApply { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new ListTicketViewsQuery());
        views = result.IsSuccess ? result.Value : [];
    }

    private async Task ApplyAsync(TicketViewItem view)
    {
        appliedId = view.Id;
        await OnApply.InvokeAsync(view.Filters);
    }

    private async Task KeyAsync(KeyboardEventArgs key)
    {
        if (key.Key == "Enter")
        {
            await SaveAsync();
        }
    }

    private async Task SaveAsync()
    {
        var result = await SendAsync(new SaveTicketViewCommand { Name = name ?? "", Filters = Current() }, errors);
        if (!result.IsSuccess)
        {
            return;
        }

        appliedId = result.Value;
        naming = false;
        name = null;
        await LoadAsync();
    }

    private async Task DeleteAsync(TicketViewItem view)
    {
        if ((await SendAsync(new DeleteTicketViewCommand { ViewId = view.Id })).IsSuccess)
        {
            await LoadAsync();
        }
    }
}
