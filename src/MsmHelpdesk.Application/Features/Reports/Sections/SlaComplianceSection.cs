using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// SLA compliance per WIB month (clipped to the range) of each clock's outcome: first responses met and breached by
/// the month answered (<see cref="Ticket.SlaFirstRespondedAt"/>), resolutions met and breached by the month resolved
/// (<see cref="Ticket.SlaResolvedAt"/>, the latest resolution), and the compliance percentage of each. Clocks
/// breached on tickets still open are not an outcome yet and have their own columns, by the month their due
/// instant passed: "first response overdue" (still New) and "open and breached" (resolution due passed, not
/// resolved). Tickets without SLA clocks (logged before SLAs existed) have neither outcome nor due instant and
/// are not counted.
/// </summary>
public sealed class SlaComplianceSection : IReportSection
{
    public string Name => "sla";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var now = scope.Now;

        // Outcomes per month from the stored totals (both kinds keep the same filters): whole months from their month
        // rows, the clipped months from their day rows (which carry their month too). Else from the tickets.
        var split = scope.Split(TallyKind.SlaFirstResponse);
        var stored = new Dictionary<(string Kind, int Month, bool Met), int>();
        foreach (var kind in new[] { TallyKind.SlaFirstResponse, TallyKind.SlaResolution })
        {
            foreach (var tallies in scope.StoredTotals(kind, split))
            {
                var sums = await tallies
                    .GroupBy(t => new { t.Month, t.Key })
                    .Select(g => new { g.Key.Month, g.Key.Key, Count = g.Sum(t => t.Tickets) })
                    .ToListAsync(cancellationToken);
                sums.ForEach(sum => stored[(kind.Name, sum.Month, sum.Key == Tallies.Yes)] = stored.GetValueOrDefault((kind.Name, sum.Month, sum.Key == Tallies.Yes)) + sum.Count);
            }
        }

        var rows = new List<object?[]>();
        foreach (var (label, start, end) in ReportSections.Months(scope))
        {
            var month = Tallies.MonthNumber(start);
            List<(bool? Met, int Count)> first, resolution;
            if (split.TicketRanges.Count == 0)
            {
                first = [(true, stored.GetValueOrDefault((TallyKind.SlaFirstResponse.Name, month, true))), (false, stored.GetValueOrDefault((TallyKind.SlaFirstResponse.Name, month, false)))];
                resolution = [(true, stored.GetValueOrDefault((TallyKind.SlaResolution.Name, month, true))), (false, stored.GetValueOrDefault((TallyKind.SlaResolution.Name, month, false)))];
            }
            else
            {
                first = (await scope.Tickets
                    .Where(t => t.SlaFirstRespondedAt >= start && t.SlaFirstRespondedAt < end && t.SlaFirstResponseMet != null)
                    .GroupBy(t => t.SlaFirstResponseMet)
                    .Select(g => new { Met = g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken)).Select(r => (r.Met, r.Count)).ToList();
                resolution = (await scope.Tickets
                    .Where(t => t.SlaResolvedAt >= start && t.SlaResolvedAt < end && t.SlaResolutionMet != null)
                    .GroupBy(t => t.SlaResolutionMet)
                    .Select(g => new { Met = g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken)).Select(r => (r.Met, r.Count)).ToList();
            }

            var firstOverdue = await scope.Tickets.CountAsync(t => t.Status == TicketStatus.New && t.SlaFirstRespondedAt == null
                && t.SlaFirstResponseDueAt >= start && t.SlaFirstResponseDueAt < end && t.SlaFirstResponseDueAt < now, cancellationToken);
            // Open tickets have no resolution outcome (a reopen clears it), so status and due instant say it all
            // and the (Status, SlaResolutionDueAt) index answers alone.
            var openBreached = await scope.Tickets.CountAsync(t => open.Contains(t.Status)
                && t.SlaResolutionDueAt >= start && t.SlaResolutionDueAt < end && t.SlaResolutionDueAt < now, cancellationToken);
            var (firstMet, firstBreached) = (first.Where(r => r.Met == true).Sum(r => r.Count), first.Where(r => r.Met == false).Sum(r => r.Count));
            var (resolvedMet, resolvedBreached) = (resolution.Where(r => r.Met == true).Sum(r => r.Count), resolution.Where(r => r.Met == false).Sum(r => r.Count));
            rows.Add(
            [
                label, firstMet, firstBreached, ReportSections.Percent(firstMet, firstMet + firstBreached), firstOverdue,
                resolvedMet, resolvedBreached, ReportSections.Percent(resolvedMet, resolvedMet + resolvedBreached), openBreached,
            ]);
        }

        // Nothing with a clock in the range (e.g. only tickets from before SLAs): no rows, the page says so.
        var counted = rows.Any(row => row.OfType<int>().Any(count => count > 0));
        return new ReportTable(Name,
            [
                new("Month"), new("FirstResponseMet", true, Charted: false), new("FirstResponseBreached", true, Charted: false),
                new("FirstResponseCompliance", true), new("FirstResponseOverdue", true, Charted: false),
                new("ResolutionMet", true, Charted: false), new("ResolutionBreached", true, Charted: false),
                new("ResolutionCompliance", true), new("OpenBreached", true, Charted: false),
            ],
            counted ? rows : [],
            ReportChart.Line);
    }
}
