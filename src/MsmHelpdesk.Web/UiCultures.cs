namespace MsmHelpdesk.Web;

public static class UiCultures
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    /// <summary>Bahasa Indonesia first: it is the default whatever the browser asks for.</summary>
    public static readonly string[] Supported = [Indonesian, English];

    /// <summary>The link that switches the language and comes back to <paramref name="here"/>.</summary>
    public static string SwitchUrl(string culture, string here) =>
        $"culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(here)}";

    /// <summary>Only paths of this site ("/x", not "//evil" or "/\\evil") may be redirected to.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
