using System.Globalization;

namespace MsmHelpdesk.Domain.Time;

/// <summary>
/// Western Indonesia Time (Asia/Jakarta). Indonesia has kept UTC+7 without daylight saving since 1964,
/// so a fixed offset is exact and does not depend on the host's time-zone database.
/// </summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToWib(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Formats an instant as WIB wall-clock time, e.g. "26 Nov 2026 08.30 WIB" in Indonesian.</summary>
    public static string Format(DateTimeOffset instant, CultureInfo culture) =>
        ToWib(instant).ToString("d MMM yyyy HH:mm", culture) + " WIB";

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToWib(clock.GetUtcNow()).DateTime);
}
