using System.Globalization;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>How a table is drawn beside its numbers: bars per row, a line over time, or numbers only.</summary>
public enum ReportChart
{
    None,
    Bar,
    Line,
}

/// <summary>
/// A column: its key (header text is <c>AppText</c> "ReportColumn{Key}"), whether it holds numbers, and whether the
/// chart draws it (a chart shows one unit: counts or hours, not both).
/// </summary>
public sealed record ReportColumn(string Key, bool Numeric = false, bool Charted = true)
{
    public bool InChart => Numeric && Charted;

    public string Header => AppText.Get("ReportColumn" + Key);

    /// <summary>Whether the cells hold stable codes ("WaitingOnClient", "expired-certificate") that people read in words.</summary>
    public bool Coded => Key is "Status" or "Cause" or "Scenario" or "ExpiryWindow";
}

/// <summary>
/// One section's numbers: the single shape the dashboard, the CSV/XLSX exports, the CLI and the weekly
/// digest all read. Values are strings, ints, doubles (hours, rounded to 2 decimals), DateOnly or null.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows, ReportChart Chart = ReportChart.Bar)
{
    /// <summary>The section title (AppText "ReportTitle{PascalName}").</summary>
    public string Title => TitleOf(Name);

    /// <summary>The title of the section named <paramref name="name"/>, before its numbers are known (the page's skeleton shows it).</summary>
    public static string TitleOf(string name) => AppText.Get("ReportTitle" + Pascal(name));

    /// <summary>What the numbers mean, in one sentence (AppText "ReportNote{PascalName}").</summary>
    public string Note => AppText.Get("ReportNote" + Pascal(Name));

    /// <summary>A value as text, invariant (dates yyyy-MM-dd, decimals with a point): CSV, CLI and digest.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Pascal(string name) =>
        string.Concat(name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
