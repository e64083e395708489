using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Incidents;

namespace MsmHelpdesk.Application.Features.Incidents;

internal static class IncidentStore
{
    public static Task<Incident?> FindAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Incidents.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public static Error NotFound() => Error.NotFound("incident-not-found", DeskText.IncidentNotFound);
}
