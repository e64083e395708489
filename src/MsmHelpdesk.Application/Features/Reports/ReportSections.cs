using MsmHelpdesk.Application.Features.Reports.Sections;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// The sections, in the dashboard's order, and what they share (the months of a range, shares in percent, the
/// empty-key marker). A new section is one class in <c>Sections/</c>, listed here, plus its AppText title, note
/// and column keys.
/// </summary>
public static class ReportSections
{
    public const string Etax40002 = "ETAX-40002";

    public static IReadOnlyList<IReportSection> All { get; } =
    [
        new BacklogSection(),
        new WeeklyFlowSection(),
        new ErrorCodesSection(),
        new MatrixSection(),
        new ResolutionTimesSection(),
        new CertificatesSection(),
        new WorkloadSection(),
        new AccuracySection(),
        new SlaComplianceSection(),
        new KppVisitsSection(),
        new TopClientsSection(),
    ];

    public static IReportSection? Find(string name) => All.FirstOrDefault(section => section.Name == name);

    /// <summary>Used where a grouping key is empty (no error code, no diagnosis, unassigned).</summary>
    public const string None = "-";

    /// <summary>
    /// The WIB calendar months overlapping the range, each as its label ("yyyy-MM") and the instants it covers,
    /// clipped to the range so the months add up to the range's totals. SQLite keeps instants as UTC ticks, so
    /// calendar parts are not available in SQL: each month is a range of instants instead.
    /// </summary>
    public static IEnumerable<(string Label, DateTimeOffset Start, DateTimeOffset End)> Months(ReportScope scope)
    {
        for (var month = new DateOnly(scope.From.Year, scope.From.Month, 1); month <= scope.To; month = month.AddMonths(1))
        {
            var start = ReportScope.WibMidnight(month < scope.From ? scope.From : month);
            var end = ReportScope.WibMidnight(month.AddMonths(1) > scope.To ? scope.To.AddDays(1) : month.AddMonths(1));
            yield return (month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), start, end);
        }
    }

    /// <summary>A share in percent, 2 decimals; null when there is nothing to share.</summary>
    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 2);
}
