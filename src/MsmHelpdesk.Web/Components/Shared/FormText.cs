using System.Globalization;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>The date and time formats of every input, and dates as links carry them (ISO).</summary>
public static class FormText
{
    /// <summary>How every date input shows and reads a date, in both languages: Indonesian order, never the browser's.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    /// <summary>
    /// The 24-hour clock of every time input (WIB), with a colon in both languages: Indonesian's own separator (a dot)
    /// reads as a decimal in a field, and the colon is what people type.
    /// </summary>
    public const string TimeFormat = "HH':'mm";

    /// <summary>What an empty time input shows.</summary>
    public const string TimePlaceholder = "HH:mm";

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
