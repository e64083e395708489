using Bunit;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Layout;

namespace MsmHelpdesk.Tests.Web.Components.Layout;

/// <summary>The app bar's menus in markup (decision record 0210): the content exists only while the menu is open.</summary>
public sealed class BarMenuTests
{
    private static IRenderedComponent<BarMenu> Render(BunitContext context, string? icon) =>
        context.Render<BarMenu>(parameters => parameters
            .Add(menu => menu.Id, "menu")
            .Add(menu => menu.ButtonId, "menu-button")
            .Add(menu => menu.Label, "Bahasa")
            .Add(menu => menu.Icon, icon)
            .Add(menu => menu.ButtonContent, (RenderFragment)(builder => builder.AddContent(0, "Sri")))
            .Add(menu => menu.ChildContent, (RenderFragment)(builder => builder.AddMarkupContent(0, "<div id=\"item\" role=\"menuitem\">English</div>"))));

    [Fact]
    public async Task ShouldRenderItsContentOnlyWhileOpenAndCloseByOverlayOrEscape()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = Render(context, MudBlazor.Icons.Material.Filled.Translate);
        var button = cut.Find("#menu-button");
        Assert.Equal("Bahasa", button.GetAttribute("aria-label"));
        Assert.Equal("menu", button.GetAttribute("aria-haspopup"));
        Assert.Empty(cut.FindAll("#item"));

        button.Click();
        Assert.Equal("true", cut.Find("#menu-button").GetAttribute("aria-expanded"));
        Assert.Equal("English", cut.Find("[role=menu] #item").TextContent);

        cut.Find(".bar-menu-overlay").Click();
        Assert.Empty(cut.FindAll("#item"));
        Assert.Equal("false", cut.Find("#menu-button").GetAttribute("aria-expanded"));

        cut.Find("#menu-button").Click();
        cut.Find("#menu").KeyDown("Escape");
        Assert.Empty(cut.FindAll("#item"));

        cut.Find("#menu-button").Click();
        cut.Find("#menu-button").Click();
        Assert.Empty(cut.FindAll("#item"));
    }

    [Fact]
    public async Task ShouldShowATextButtonWithoutAnIcon()
    {
        await using var context = ComponentContext.New("id-ID");
        var cut = Render(context, icon: null);

        Assert.Contains("mud-button-text", cut.Find("#menu-button").ClassName);
        Assert.Equal("Sri", cut.Find("#menu-button").TextContent);
    }
}
