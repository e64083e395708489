using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// KPP visits per WIB month of the visit (clipped to the range) by outcome. A visit still "Scheduled" in a past
/// month has no outcome recorded yet; a rescheduled visit counts as Rescheduled in its month and its replacement
/// in its own. Consultant = the visit's consultant, client = the visit's client, KPP = the office visited;
/// error code and channel are the visit's ticket's.
/// </summary>
public sealed class KppVisitsSection : IReportSection
{
    public static readonly KppVisitOutcome[] Outcomes = Enum.GetValues<KppVisitOutcome>();

    public string Name => "kpp-visits";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var visits = scope.Db.KppVisits.AsNoTracking();
        var filter = scope.Filter;
        if (!string.IsNullOrWhiteSpace(filter.AssigneeId))
        {
            var assignee = filter.AssigneeId;
            visits = visits.Where(v => v.AssigneeId == assignee);
        }

        if (filter.ClientId is { } clientId)
        {
            visits = visits.Where(v => v.ClientId == clientId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kpp))
        {
            var kpp = filter.Kpp.Trim();
            visits = visits.Where(v => v.Kpp == kpp);
        }

        if (!string.IsNullOrWhiteSpace(filter.ErrorCode) || filter.Channel is not null)
        {
            // Only the ticket's own fields: the consultant, client and KPP filters above are the visit's.
            var tickets = scope.Db.Tickets.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(filter.ErrorCode))
            {
                var code = filter.ErrorCode.Trim().ToUpperInvariant();
                tickets = tickets.Where(t => t.ErrorCode == code);
            }

            if (filter.Channel is { } channel)
            {
                tickets = tickets.Where(t => t.Channel == channel);
            }

            // Correlated (each visit looks up its ticket by key), not IN (which would list every ticket of the code per month).
            visits = visits.Where(v => tickets.Any(t => t.Id == v.TicketId));
        }

        var rows = new List<object?[]>();
        foreach (var (label, start, end) in ReportSections.Months(scope))
        {
            var counts = await visits.Where(v => v.At >= start && v.At < end)
                .GroupBy(v => v.Outcome)
                .Select(g => new { Outcome = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            rows.Add(new object?[] { label }
                .Concat(Outcomes.Select(outcome => (object?)counts.Where(c => c.Outcome == outcome).Sum(c => c.Count)))
                .Append(counts.Sum(c => c.Count))
                .ToArray());
        }

        return new ReportTable(Name,
            [new("Month"), .. Outcomes.Select(outcome => new ReportColumn("Visit" + outcome, true)), new("Total", true, Charted: false)],
            rows.Any(row => (int)row[^1]! > 0) ? rows : []);
    }
}
