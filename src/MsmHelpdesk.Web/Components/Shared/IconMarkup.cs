using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as the markup MudIcon renders (an <c>svg</c> with MudBlazor's classes and the icon's paths) without a
/// component: for the lighter controls that copy MudBlazor's markup (decision records 0187, 0201, 0210). The icon is one of
/// MudBlazor's <c>Icons</c> constants, inserted as markup: never pass text from a user.
/// </summary>
public static class IconMarkup
{
    /// <param name="icon">One of MudBlazor's <c>Icons.*</c> constants.</param>
    /// <param name="classes">Classes after <c>mud-icon-root mud-svg-icon</c>: the size and any colour or placement.</param>
    public static RenderFragment Svg(string icon, string classes = "mud-icon-size-medium") => builder => Build(builder, icon, classes);

    private static void Build(RenderTreeBuilder builder, string icon, string classes)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon " + classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    }
}
