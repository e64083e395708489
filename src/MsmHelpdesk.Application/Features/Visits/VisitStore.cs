using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>Loads the visit an action works on. Saving goes through TicketStore: visit, ticket timeline and client are saved together.</summary>
internal static class VisitStore
{
    /// <summary>The visit, tracked, or null when there is none with that id.</summary>
    public static Task<KppVisit?> FindAsync(IAppDbContext db, Guid visitId, CancellationToken cancellationToken) =>
        db.KppVisits.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);

    public static Error NotFound() => Error.NotFound("visit-not-found", WorkText.VisitNotFound);
}
