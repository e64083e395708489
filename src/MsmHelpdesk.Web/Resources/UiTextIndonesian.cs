using System.Globalization;
using System.Resources;

namespace MsmHelpdesk.Web.Resources;

/// <summary>
/// UI texts always in Bahasa Indonesia, whatever the consultant's own language: messages that go to
/// clients (WhatsApp) are written for the client.
/// </summary>
public static class UiTextIndonesian
{
    private static readonly ResourceManager Resources = new("MsmHelpdesk.Web.Resources.UiText", typeof(UiTextIndonesian).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Format(string key, params object[] args) => string.Format(new CultureInfo("id-ID"), Get(key), args);
}
