using System.Globalization;
using MsmHelpdesk.Application.Common.Validation;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>Holidays as lines "yyyy-mm-dd Name": pasted for import, and written to the settings' audit trail.</summary>
public static class HolidayLines
{
    /// <summary>One holiday as a line, for the audit trail.</summary>
    public static string Describe(DateOnly date, string name) => $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {name}";

    /// <summary>Reads pasted holiday lines; blank lines and lines starting with '#' are skipped.</summary>
    public static (IReadOnlyList<(DateOnly Date, string Name)> Lines, IReadOnlyList<string> Problems) Parse(string? text, int year)
    {
        var lines = new List<(DateOnly, string)>();
        var problems = new List<string>();
        var seen = new HashSet<DateOnly>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.IndexOfAny([' ', '\t', ';', ',']);
            var datePart = cut < 0 ? line : line[..cut];
            var name = cut < 0 ? "" : line[(cut + 1)..].Trim().TrimStart(';', ',', '\t').Trim();
            if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(AppText.HolidayImportLine(number, AppText.ImportDateFormat(datePart)));
            }
            else if (year != 0 && date.Year != year)
            {
                problems.Add(AppText.HolidayImportLine(number, AppText.HolidayImportWrongYear(year)));
            }
            else if (name.Length == 0 || name.Length > FieldLimits.HolidayNameMaxLength)
            {
                problems.Add(AppText.HolidayImportLine(number, name.Length == 0 ? AppText.Required : AppText.MaxLength(FieldLimits.HolidayNameMaxLength)));
            }
            else if (!seen.Add(date))
            {
                problems.Add(AppText.HolidayImportLine(number, AppText.HolidayDateTaken(datePart)));
            }
            else
            {
                lines.Add((date, name));
            }
        }

        return (lines, problems);
    }
}
