using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>Tickets reported in the range by error code, with how many are still open.</summary>
public sealed class ErrorCodesSection : IReportSection
{
    public string Name => "error-codes";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var split = scope.Split(TallyKind.Codes);
        var sums = new Sums<string>(2);
        foreach (var tallies in scope.StoredTotals(TallyKind.Codes, split))
        {
            var stored = await tallies
                .GroupBy(t => t.ErrorCode)
                .Select(g => new { Code = g.Key, Count = g.Sum(t => t.Tickets), Open = g.Sum(t => t.Open) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add(r.Code ?? ReportSections.None, r.Count, r.Open));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await scope.ReportedBetween(start, end)
                .GroupBy(t => t.ErrorCode)
                .Select(g => new { Code = g.Key, Count = g.Count(), Open = g.Count(t => open.Contains(t.Status)) })
                .ToListAsync(cancellationToken);
            counted.ForEach(r => sums.Add(r.Code ?? ReportSections.None, r.Count, r.Open));
        }

        return new ReportTable(Name, [new("ErrorCode"), new("Tickets", true), new("Open", true)],
            sums.Rows.OrderByDescending(r => r.Counts[0]).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new object?[] { r.Key, r.Counts[0], r.Counts[1] }).ToList());
    }
}
