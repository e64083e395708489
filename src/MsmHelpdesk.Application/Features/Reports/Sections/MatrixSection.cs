using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// ETAX-40002 tickets reported in the range by scenario × cause. A ticket counts under its confirmed diagnosis,
/// else under the classifier's latest suggestion (<see cref="Ticket.DiagnosedScenario"/>); the "confirmed"
/// column says how many of the cell's tickets a consultant confirmed.
/// </summary>
public sealed class MatrixSection : IReportSection
{
    public string Name => "matrix";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var split = scope.Split(TallyKind.Codes);
        var sums = new Sums<(string Scenario, string Cause)>(2);
        foreach (var tallies in scope.StoredTotals(TallyKind.Codes, split))
        {
            var stored = await tallies
                .Where(t => t.ErrorCode == ReportSections.Etax40002)
                .GroupBy(t => new { t.Key, t.Key2 })
                .Select(g => new { Scenario = g.Key.Key, Cause = g.Key.Key2, Count = g.Sum(t => t.Tickets), Confirmed = g.Sum(t => t.Confirmed) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add((r.Scenario ?? ReportSections.None, r.Cause ?? ReportSections.None), r.Count, r.Confirmed));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await scope.ReportedBetween(start, end)
                .Where(t => t.ErrorCode == ReportSections.Etax40002)
                .GroupBy(t => new { t.DiagnosedScenario, t.DiagnosedCause })
                .Select(g => new { g.Key.DiagnosedScenario, g.Key.DiagnosedCause, Count = g.Count(), Confirmed = g.Count(t => t.DiagnosisSeconds != null) })
                .ToListAsync(cancellationToken);
            counted.ForEach(r => sums.Add((r.DiagnosedScenario ?? ReportSections.None, r.DiagnosedCause ?? ReportSections.None), r.Count, r.Confirmed));
        }

        return new ReportTable(Name, [new("Scenario"), new("Cause"), new("Tickets", true), new("Confirmed", true)],
            sums.Rows.OrderBy(r => r.Key.Scenario, StringComparer.Ordinal).ThenBy(r => r.Key.Cause, StringComparer.Ordinal)
                .Select(r => new object?[] { r.Key.Scenario, r.Key.Cause, r.Counts[0], r.Counts[1] }).ToList(),
            ReportChart.None);
    }
}
