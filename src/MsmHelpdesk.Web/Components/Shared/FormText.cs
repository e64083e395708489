using System.Globalization;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>Conversions between form inputs (HTML date and datetime-local fields) and values, in WIB.</summary>
public static class FormText
{
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string WibLocal(DateTimeOffset instant) =>
        Domain.Time.Wib.ToWib(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset? FromWibLocal(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Domain.Time.Wib.Offset)
            : null;
}
