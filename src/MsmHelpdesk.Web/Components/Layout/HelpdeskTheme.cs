using MudBlazor;

namespace MsmHelpdesk.Web.Components.Layout;

public static class HelpdeskTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5394",
            Secondary = "#e69138",
            AppbarBackground = "#0b5394",
        },
    };
}
