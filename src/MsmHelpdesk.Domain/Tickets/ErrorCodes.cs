using System.Text.RegularExpressions;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// Finds the e-Faktur error code in the text a client reported, keeping its prefix: ETAX-40002 and
/// ETAXSERVICE-40002 are different errors. A bare "40002" names neither, so it yields no code.
/// </summary>
public static partial class ErrorCodes
{
    public static string? Extract(string? errorText)
    {
        if (string.IsNullOrWhiteSpace(errorText))
        {
            return null;
        }

        var match = Code().Match(errorText);
        return match.Success ? $"{match.Groups[1].Value.ToUpperInvariant()}-{match.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"\b(ETAXSERVICE|ETAX|REG-KODJP)\s*[-_ ]\s*(\d{5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Code();
}
