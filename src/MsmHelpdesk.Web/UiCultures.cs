namespace MsmHelpdesk.Web;

public static class UiCultures
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    /// <summary>Bahasa Indonesia first: it is the default whatever the browser asks for.</summary>
    public static readonly string[] Supported = [Indonesian, English];
}
