using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>The ten clients with the most tickets reported in the range, with how many are still open.</summary>
public sealed class TopClientsSection : IReportSection
{
    public const int Top = 10;

    public string Name => "top-clients";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var split = scope.Split(TallyKind.Clients);
        var sums = new Sums<Guid>(2);
        foreach (var tallies in scope.StoredTotals(TallyKind.Clients, split))
        {
            var stored = await tallies
                .GroupBy(t => t.Key)
                .Select(g => new { Client = g.Key, Count = g.Sum(t => t.Tickets), Open = g.Sum(t => t.Open) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add(Guid.Parse(r.Client!), r.Count, r.Open));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await scope.ReportedBetween(start, end)
                .GroupBy(t => t.ClientId)
                .Select(g => new { ClientId = g.Key, Count = g.Count(), Open = g.Count(t => open.Contains(t.Status)) })
                .ToListAsync(cancellationToken);
            counted.ForEach(r => sums.Add(r.ClientId, r.Count, r.Open));
        }

        // Per client counts (grouped rows, one per client at most) added up; ties go by client id.
        var top = sums.Rows.OrderByDescending(r => r.Counts[0]).ThenBy(r => r.Key)
            .Take(Top)
            .Select(r => new { ClientId = r.Key, Count = r.Counts[0], Open = r.Counts[1] })
            .ToList();
        var ids = top.Select(t => t.ClientId).ToArray();
        var clients = await scope.Db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Npwp }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return new ReportTable(Name, [new("Client"), new("Npwp"), new("Tickets", true), new("Open", true)],
            top.Select(t => new object?[] { clients[t.ClientId].Name, Npwp.Format(clients[t.ClientId].Npwp), t.Count, t.Open }).ToList());
    }
}
