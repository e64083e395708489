using System.Globalization;
using System.Text.RegularExpressions;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>"MSM-2026-000123": the year in WIB and a sequence that restarts every year.</summary>
public static partial class TicketNumber
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"MSM-{year:D4}-{sequence:D6}");

    public static bool LooksLikeOne(string text) => Pattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^MSM-\d{4}-\d{6,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
