using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Common.Tickets;

/// <summary>
/// A fact about a client (its certificate dates now show a valid certificate) finishes the steps waiting for it
/// on the client's open tickets. The caller saves.
/// </summary>
public static class ClientStepFacts
{
    public static async Task<int> CertificateUpdatedAsync(IAppDbContext db, Client client, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (client.CertificateStateOn(DateOnly.FromDateTime(Wib.ToWib(now).DateTime)) is not (CertificateState.Valid or CertificateState.ExpiringSoon))
        {
            return 0;
        }

        var open = TicketWorkflow.Open.ToArray();
        var tickets = await db.Tickets.Include(t => t.Steps)
            .Where(t => t.ClientId == client.Id && open.Contains(t.Status) && t.Steps.Any(s => s.CompletedByFact == StepFact.ClientCertificateUpdated))
            .ToListAsync(cancellationToken);
        return tickets.Sum(ticket => ticket.CompleteStepsByFact(StepFact.ClientCertificateUpdated, actor, now));
    }
}
