using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MsmHelpdesk.Web.Resources;

/// <summary>
/// MudBlazor's own texts (pager, loading, close buttons) in Bahasa Indonesia; in English MudBlazor's
/// built-in texts are used.
/// </summary>
public sealed class HelpdeskMudLocalizer : MudLocalizer
{
    private static readonly ResourceManager Indonesian = new("MsmHelpdesk.Web.Resources.MudBlazorText", typeof(HelpdeskMudLocalizer).Assembly);

    public override LocalizedString this[string key]
    {
        get
        {
            var text = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id"
                ? Indonesian.GetString(key, CultureInfo.InvariantCulture)
                : null;
            return text is null ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text);
        }
    }
}
