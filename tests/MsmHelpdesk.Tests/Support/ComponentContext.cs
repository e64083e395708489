using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MsmHelpdesk.Tests.Support;

/// <summary>A bUnit context for the app's components: localisation, MudBlazor's services, JavaScript interop answered loosely.</summary>
internal static class ComponentContext
{
    /// <summary>A new context; with <paramref name="culture"/>, the test's thread formats and speaks that culture first.</summary>
    public static BunitContext New(string? culture = null)
    {
        if (culture is not null)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        }

        var context = new BunitContext();
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}
