using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor.Interfaces;

namespace MsmHelpdesk.Web.Components.Layout;

public sealed partial class NavMenu : IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The drawer: told of a click on a link so that, as a temporary drawer on a small screen, it closes.</summary>
    [CascadingParameter]
    private INavigationEventReceiver? NavigationEventReceiver { get; set; }

    private ClaimsPrincipal? user;
    private string path = "";

    protected override void OnInitialized()
    {
        path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync() =>
        user = AuthenticationState is null ? null : (await AuthenticationState).User;

    private bool IsIn(params string[] roles) => user is not null && roles.Any(user.IsInRole);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var now = PathOf(e.Location);
        if (now != path)
        {
            path = now;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    // The base-relative path without query or fragment, as NavLink compares it.
    private string PathOf(string uri)
    {
        var relative = Navigation.ToBaseRelativePath(uri);
        var end = relative.AsSpan().IndexOfAny('?', '#');
        return "/" + (end < 0 ? relative : relative[..end]).TrimEnd('/');
    }

    private bool IsActive(string href, NavLinkMatch match) =>
        string.Equals(path, href, StringComparison.OrdinalIgnoreCase)
        || (match == NavLinkMatch.Prefix && href != "/" && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase));

    private Task NavigatedAsync() => NavigationEventReceiver?.OnNavigation() ?? Task.CompletedTask;

    private RenderFragment Link(string href, NavLinkMatch match, string icon, string text, string? id = null, string? target = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-nav-item");
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "href", href);
        builder.AddAttribute(4, "id", id);
        builder.AddAttribute(5, "target", target);
        builder.AddAttribute(6, "tabindex", "0");
        builder.AddAttribute(7, "class", IsActive(href, match) ? "mud-nav-link mud-ripple active" : "mud-nav-link mud-ripple");
        builder.AddAttribute(8, "onclick", EventCallback.Factory.Create(this, NavigatedAsync));
        builder.OpenElement(9, "svg");
        builder.AddAttribute(10, "class", "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default");
        builder.AddAttribute(11, "focusable", "false");
        builder.AddAttribute(12, "viewBox", "0 0 24 24");
        builder.AddAttribute(13, "aria-hidden", "true");
        builder.AddAttribute(14, "role", "img");
        builder.AddMarkupContent(15, icon);
        builder.CloseElement();
        builder.OpenElement(16, "div");
        builder.AddAttribute(17, "class", "mud-nav-link-text");
        builder.AddContent(18, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
