using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MsmHelpdesk.Web.Components.Pages.Tickets;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Layout;

public sealed partial class KeyboardShortcuts : IAsyncDisposable
{
    private static readonly (string Key, string Text)[] Keys =
    [
        ("n", "Keys.NewTicket"), ("/", "Keys.Search"), ("j", "Keys.Next"), ("k", "Keys.Previous"), ("?", "Keys.Help"),
    ];

    private static readonly DialogOptions HelpOptions = new() { CloseOnEscapeKey = true, CloseButton = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };

    private bool helpOpen;
    private IJSObjectReference? module;
    private IJSObjectReference? listener;
    private DotNetObjectReference<KeyboardShortcuts>? self;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TicketNeighbours Neighbours { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        self = DotNetObjectReference.Create(this);
        module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
        listener = await module.InvokeAsync<IJSObjectReference>("listen", self);
    }

    [JSInvokable]
    public Task OnShortcut(string key) => InvokeAsync(() => FollowAsync(key));

    private async Task FollowAsync(string key)
    {
        switch (key)
        {
            case "n":
                Navigation.NavigateTo("/tickets/new");
                break;
            case "/":
                // No search box on this page: the ticket list has one.
                Navigation.NavigateTo("/tickets");
                await module!.InvokeVoidAsync("focusSearchWhenShown");
                break;
            case "?":
                helpOpen = true;
                StateHasChanged();
                break;
            case "j" or "k" when CurrentTicket() is { } number:
                if (await Neighbours.StepAsync(number, key == "j" ? 1 : -1) is { } next)
                {
                    Navigation.NavigateTo($"/tickets/{Uri.EscapeDataString(next)}");
                }

                break;
        }
    }

    /// <summary>The number of the ticket page shown, if it is one.</summary>
    private string? CurrentTicket()
    {
        var path = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0].TrimEnd('/');
        var parts = path.Split('/');
        return parts is ["tickets", var number] && number != "new" ? Uri.UnescapeDataString(number) : null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (listener is not null)
            {
                await listener.InvokeVoidAsync("dispose");
                await listener.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone and its listener with it.
        }

        self?.Dispose();
    }
}
