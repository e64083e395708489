namespace MsmHelpdesk.Web.Resources;

/// <summary>Marker for the UI strings: UiText.resx is Bahasa Indonesia (the default), UiText.en.resx English.</summary>
public sealed class UiText;
