using Microsoft.Extensions.Localization;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Web.Resources;

namespace MsmHelpdesk.Web.Components.Pages.Reports;

/// <summary>
/// A coded report cell as the reader says it: statuses, scenarios and causes in words of the page's language
/// ("-", no diagnosis yet, too: it has its own text, as in the matrix and its drill-down). The page and the CSV
/// export say the same words; the export keeps the code in a column beside them.
/// </summary>
public static class ReportWords
{
    /// <summary>The words for a cell of a <see cref="ReportColumn.Coded"/> column; null for other cells.</summary>
    public static string? Word(IStringLocalizer<UiText> text, ReportColumn column, object? value) => (column.Key, value) switch
    {
        ("Status", string status) => text[$"Status.{status}"],
        ("Cause", string cause) => text[$"Cause.{cause}"],
        ("Scenario", string scenario) => text[$"Scenario.{scenario}"],
        ("ExpiryWindow", "expired") => text["Reports.AlreadyExpired"],
        ("ExpiryWindow", string window) => window,
        _ => null,
    };

    /// <summary>The header of the code column beside <paramref name="column"/> ("Kode status").</summary>
    public static string CodeHeader(IStringLocalizer<UiText> text, ReportColumn column) => text[$"Reports.CodeOf.{column.Key}"];
}
