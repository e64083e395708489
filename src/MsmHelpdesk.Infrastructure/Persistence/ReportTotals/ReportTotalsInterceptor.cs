using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.Persistence.ReportTotals;

/// <summary>
/// Keeps the stored report totals (<see cref="ReportTally"/>) equal to the tickets. A save that writes tickets (their
/// rows or the diagnoses they own) is done here, in one transaction (the caller's when it has one, else one of its
/// own): read the tickets' report columns, save, read them again, and append the <see cref="Tallies.Difference"/>
/// as new rows. The tickets and their totals commit together or not at all. Registered on every context
/// (<see cref="InfrastructureRegistration"/>), so no handler can save a ticket without its totals.
/// </summary>
public sealed class ReportTotalsInterceptor : SaveChangesInterceptor
{
    /// <summary>The context whose save this interceptor is doing itself, so that save passes straight through.</summary>
    private readonly AsyncLocal<DbContext?> _saving = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // The before and after reads are queries: only the async save does them.
        if (eventData.Context is { } context && ChangedTickets(context).Count > 0)
        {
            throw new InvalidOperationException("Tickets are saved with SaveChangesAsync, which keeps the report totals.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || ReferenceEquals(_saving.Value, context))
        {
            return result;
        }

        var tickets = ChangedTickets(context);
        if (tickets.Count == 0)
        {
            return result;
        }

        // The save is done here rather than by EF after this returns, so one try covers the tickets' save, the
        // totals' save and the commit: any failure disposes the transaction uncommitted and rolls both back.
        _saving.Value = context;
        await using var transaction = await AppTransaction.BeginAsync(context.Database, cancellationToken);
        var existing = tickets.Where(ticket => !ticket.Value).Select(ticket => ticket.Key).ToList();
        if (existing.Count == 0)
        {
            // Only new tickets: their columns are all in memory, so nothing is read; the totals (a month and a day row per
            // kind) go in as one multi-row INSERT — EF's SQLite provider sends one command per added row.
            var created = context.ChangeTracker.Entries<Ticket>().Where(entry => entry.State == EntityState.Added).Select(entry => Tallies.SnapshotOf(entry.Entity)).ToList();
            var totals = Tallies.Difference([], created);
            var written = await context.SaveChangesAsync(cancellationToken);
            await InsertAsync(context, totals, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return InterceptionResult<int>.SuppressWithResult(written);
        }

        var before = await SnapshotsAsync(context, existing, cancellationToken);
        var saved = await context.SaveChangesAsync(cancellationToken);
        var after = await SnapshotsAsync(context, tickets.Keys.ToList(), cancellationToken);
        var rows = Tallies.Difference(before, after);
        if (rows.Count > 0)
        {
            context.Set<ReportTally>().AddRange(rows);
            await context.SaveChangesAsync(cancellationToken);
            Detach(context, rows);
        }

        await transaction.CommitAsync(cancellationToken);
        return InterceptionResult<int>.SuppressWithResult(saved);
    }

    /// <summary>
    /// Tickets the save writes (their own rows and the diagnosis columns owned by them), each with whether it is new:
    /// a new ticket has no row to read before the save.
    /// </summary>
    private static Dictionary<Guid, bool> ChangedTickets(DbContext context)
    {
        var tickets = new Dictionary<Guid, bool>();
        foreach (var entry in context.ChangeTracker.Entries().Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var id = entry.Entity switch
            {
                Ticket ticket => ticket.Id,
                _ when entry.Metadata.FindOwnership()?.PrincipalEntityType.ClrType == typeof(Ticket)
                    => (Guid?)entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue,
                _ => null,
            };
            if (id is { } ticketId && entry.Entity is Ticket)
            {
                tickets[ticketId] = entry.State == EntityState.Added;
            }
            else if (id is { } ownerId)
            {
                tickets.TryAdd(ownerId, false);
            }
        }

        return tickets;
    }

    /// <summary>
    /// New totals rows in multi-row INSERTs (table, columns and conversions from the model, as the bulk inserter writes
    /// them), sent through EF's raw SQL rather than the bulk inserter's own commands, so command interceptors (logging,
    /// the command count) see them. 100 rows are 1,200 parameters: under SQL Server's 2,100.
    /// </summary>
    private static async Task InsertAsync(DbContext context, IReadOnlyList<ReportTally> rows, CancellationToken cancellationToken)
    {
        var shape = TallyInsert.Of(context);
        foreach (var chunk in rows.Chunk(TallyInsert.MaxRows))
        {
            await context.Database.ExecuteSqlRawAsync(shape.Sql(chunk.Length), chunk.SelectMany(shape.ValuesOf).ToArray()!, cancellationToken);
        }
    }

    private static void Detach(DbContext context, IEnumerable<ReportTally> rows)
    {
        foreach (var row in rows)
        {
            context.Entry(row).State = EntityState.Detached;
        }
    }

    private static Task<List<Tallies.Snapshot>> SnapshotsAsync(DbContext context, List<Guid> ids, CancellationToken cancellationToken) =>
        Tallies.Snapshots(context.Set<Ticket>().Where(t => ids.Contains(t.Id))).ToListAsync(cancellationToken);
}
