using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Calendar;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>
/// The tax calendar's deadlines for creating tickets, read once and kept like the SLA rules (decision 0162): every
/// creation checks them (decision 0172) and they change a few times a year. Saving or removing a deadline invalidates
/// this cache; an edit from another process is picked up within <see cref="Recheck"/>.
/// </summary>
public sealed class TaxDeadlinesCache
{
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);
    private int _generation;
    private Entry? _entry;

    public async Task<IReadOnlyList<TaxDeadline>> DeadlinesAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation);
        if (_entry is { } entry && entry.Generation == generation && Environment.TickCount64 - entry.LoadedAt < Recheck.TotalMilliseconds)
        {
            return entry.Deadlines;
        }

        // Tagged with the generation read before loading: deadlines loaded across an edit are used once, never kept.
        var deadlines = await db.TaxDeadlines.AsNoTracking().ToListAsync(cancellationToken);
        _entry = new Entry(generation, Environment.TickCount64, deadlines);
        return deadlines;
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Entry(int Generation, long LoadedAt, IReadOnlyList<TaxDeadline> Deadlines);
}
