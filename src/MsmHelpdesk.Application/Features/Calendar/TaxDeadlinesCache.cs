using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Caching;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Calendar;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>
/// The tax calendar's deadlines for creating tickets, kept like the SLA rules: every creation checks them
/// (decision 0172) and they change a few times a year. Saving or removing a deadline invalidates this cache.
/// </summary>
public sealed class TaxDeadlinesCache : ReferenceDataCache<IReadOnlyList<TaxDeadline>>
{
    public Task<IReadOnlyList<TaxDeadline>> DeadlinesAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        GetAsync(async () => await db.TaxDeadlines.AsNoTracking().ToListAsync(cancellationToken));
}
