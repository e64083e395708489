using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// One change to a stored report total: what a ticket adds to (or, negative, takes from) the counts of the WIB
/// month it was reported in. The sum of a key's rows is the total over the tickets in the database, because every
/// save of a ticket writes the difference its save made (<see cref="Tallies.Difference"/>), in the same
/// transaction. The report reads whole months from these sums and only the days outside whole months from the
/// tickets; compaction folds a key's rows into one.
/// </summary>
public sealed class ReportTally
{
    public long Id { get; private set; }

    /// <summary>Which total: one of <see cref="TallyKind"/>'s names.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The WIB month counted by, as <see cref="Tallies.MonthNumber"/>: reported in; resolved in (workload); the SLA outcome's (SLA).</summary>
    public int Month { get; init; }

    /// <summary>The ticket's error code, when the kind keeps it (<see cref="TallyKind.KeepsErrorCode"/>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The ticket's channel, when the kind keeps it (<see cref="TallyKind.KeepsChannel"/>).</summary>
    public TicketChannel? Channel { get; init; }

    /// <summary>The ticket's consultant, when the kind keeps it (<see cref="TallyKind.KeepsAssignee"/>).</summary>
    public string? AssigneeId { get; init; }

    /// <summary>The kind's first key: scenario (codes), client id (clients), cause (durations), cause correct "1"/"0" (accuracy), met "1"/"0" (SLA).</summary>
    public string? Key { get; init; }

    /// <summary>The kind's second key: cause (codes), scenario correct "1"/"0" (accuracy).</summary>
    public string? Key2 { get; init; }

    /// <summary>The kind's number key: duration bucket (durations, workload), month of confirmation (accuracy).</summary>
    public long Number { get; init; }

    public int Tickets { get; init; }

    /// <summary>Of <see cref="Tickets"/>, how many are open (codes, clients).</summary>
    public int Open { get; init; }

    /// <summary>Of <see cref="Tickets"/>, how many have a confirmed diagnosis (codes).</summary>
    public int Confirmed { get; init; }
}

/// <summary>
/// A kind of stored total and the filters its rows can answer. A kind keeping neither code nor channel serves only
/// a report without those filters; the consultant, client and KPP filters always read the tickets.
/// </summary>
public sealed record TallyKind(string Name, bool KeepsErrorCode, bool KeepsChannel, bool KeepsAssignee = false)
{
    /// <summary>Tickets by error code, channel, diagnosed scenario and cause: error codes and the ETAX-40002 matrix.</summary>
    public static readonly TallyKind Codes = new("codes", true, true);

    /// <summary>Tickets per client: the clients with the most tickets.</summary>
    public static readonly TallyKind Clients = new("clients", false, false);

    /// <summary>Resolved tickets per cause and bucket of <see cref="Percentiles.BucketSeconds"/> of the time to resolution.</summary>
    public static readonly TallyKind Resolution = new("resolution", true, false);

    /// <summary>Diagnosed tickets per cause and bucket of the time to a confirmed diagnosis.</summary>
    public static readonly TallyKind Diagnosis = new("diagnosis", true, false);

    /// <summary>Judged tickets (suggested and confirmed cause) per month of confirmation and whether cause and scenario matched.</summary>
    public static readonly TallyKind Accuracy = new("accuracy", true, true, KeepsAssignee: true);

    /// <summary>
    /// Resolved tickets per WIB month *resolved*, consultant and hour (<see cref="Percentiles.WorkloadBucketSeconds"/>)
    /// of the time to resolution: the consultants' workload. Keeping error code and channel too made 200,000 rows of
    /// a million tickets, more to read than the tickets they replace.
    /// </summary>
    public static readonly TallyKind Workload = new("workload", false, false, KeepsAssignee: true);

    /// <summary>First-response outcomes per WIB month answered, met or breached.</summary>
    public static readonly TallyKind SlaFirstResponse = new("sla-first", true, true, KeepsAssignee: true);

    /// <summary>Resolution outcomes per WIB month resolved (the latest resolution), met or breached.</summary>
    public static readonly TallyKind SlaResolution = new("sla-resolution", true, true, KeepsAssignee: true);
}

/// <summary>What a ticket contributes to the stored totals, and keeping those totals equal to the tickets.</summary>
public static class Tallies
{
    /// <summary>Raise when <see cref="Contributions"/> changes: the next start rebuilds the stored totals.</summary>
    public const string Version = "1";

    /// <summary>A WIB calendar month as one number (year × 12 + month − 1), so months compare and subtract.</summary>
    public static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month - 1;

    /// <summary>The WIB month an instant falls in.</summary>
    public static int MonthNumber(DateTimeOffset instant) => MonthNumber(DateOnly.FromDateTime(Wib.ToWib(instant).DateTime));

    public static DateOnly FirstDayOf(int month) => new(month / 12, (month % 12) + 1, 1);

    /// <summary>The columns of a ticket the totals are made of, read straight from the database.</summary>
    public sealed record Snapshot(
        Guid Id,
        DateTimeOffset ReportedAt,
        string? ErrorCode,
        TicketChannel Channel,
        TicketStatus Status,
        Guid ClientId,
        string? AssigneeId,
        DateTimeOffset? ResolvedAt,
        string? DiagnosedScenario,
        string? DiagnosedCause,
        long? DiagnosisSeconds,
        long? ResolutionSeconds,
        DateTimeOffset? ConfirmedAt,
        string? SuggestedCause,
        string? SuggestedScenario,
        string? ConfirmedCause,
        string? ConfirmedScenario,
        DateTimeOffset? SlaFirstRespondedAt,
        bool? SlaFirstResponseMet,
        DateTimeOffset? SlaResolvedAt,
        bool? SlaResolutionMet);

    public static IQueryable<Snapshot> Snapshots(IQueryable<Ticket> tickets) => tickets.AsNoTracking().Select(t => new Snapshot(
        t.Id, t.ReportedAt, t.ErrorCode, t.Channel, t.Status, t.ClientId, t.AssigneeId, t.ResolvedAt, t.DiagnosedScenario, t.DiagnosedCause, t.DiagnosisSeconds,
        t.ResolutionSeconds, t.ConfirmedAt, t.Suggested!.Cause, t.Suggested.Scenario, t.Confirmed!.Cause, t.Confirmed.Scenario,
        t.SlaFirstRespondedAt, t.SlaFirstResponseMet, t.SlaResolvedAt, t.SlaResolutionMet));

    /// <summary>The key of a total: every column of a row but the counts.</summary>
    public readonly record struct TallyKey(string Kind, int Month, string? ErrorCode, TicketChannel? Channel, string? AssigneeId, string? Key, string? Key2, long Number);

    /// <summary>The counts of a total.</summary>
    public readonly record struct TallyCounts(int Tickets, int Open, int Confirmed)
    {
        public static TallyCounts operator +(TallyCounts a, TallyCounts b) => new(a.Tickets + b.Tickets, a.Open + b.Open, a.Confirmed + b.Confirmed);

        public static TallyCounts operator -(TallyCounts a) => new(-a.Tickets, -a.Open, -a.Confirmed);

        public bool IsZero => Tickets == 0 && Open == 0 && Confirmed == 0;
    }

    /// <summary>
    /// The one definition of what a ticket adds to each kind of total. The sections' ticket queries count the
    /// same things for the days outside whole months; a test holds the two equal.
    /// </summary>
    public static IEnumerable<(TallyKey Key, TallyCounts Counts)> Contributions(Snapshot ticket)
    {
        var month = MonthNumber(ticket.ReportedAt);
        var open = TicketWorkflow.IsOpen(ticket.Status) ? 1 : 0;
        yield return (new TallyKey(TallyKind.Codes.Name, month, ticket.ErrorCode, ticket.Channel, null, ticket.DiagnosedScenario, ticket.DiagnosedCause, 0),
            new TallyCounts(1, open, ticket.DiagnosisSeconds is null ? 0 : 1));
        yield return (new TallyKey(TallyKind.Clients.Name, month, null, null, null, ticket.ClientId.ToString(), null, 0), new TallyCounts(1, open, 0));
        if (ticket.ResolutionSeconds is { } resolution)
        {
            yield return (new TallyKey(TallyKind.Resolution.Name, month, ticket.ErrorCode, null, null, ticket.DiagnosedCause, null, resolution / Percentiles.BucketSeconds),
                new TallyCounts(1, 0, 0));
        }

        if (ticket.DiagnosisSeconds is { } diagnosis)
        {
            yield return (new TallyKey(TallyKind.Diagnosis.Name, month, ticket.ErrorCode, null, null, ticket.DiagnosedCause, null, diagnosis / Percentiles.BucketSeconds),
                new TallyCounts(1, 0, 0));
        }

        if (ticket.ConfirmedAt is { } confirmedAt && ticket.SuggestedCause is not null && ticket.ConfirmedCause is not null)
        {
            yield return (new TallyKey(TallyKind.Accuracy.Name, month, ticket.ErrorCode, ticket.Channel, ticket.AssigneeId,
                    Flag(ticket.SuggestedCause == ticket.ConfirmedCause), Flag(ticket.SuggestedScenario == ticket.ConfirmedScenario), MonthNumber(confirmedAt)),
                new TallyCounts(1, 0, 0));
        }

        if (ticket.ResolvedAt is { } resolvedAt && ticket.ResolutionSeconds is { } seconds && ticket.AssigneeId is { } assignee)
        {
            yield return (new TallyKey(TallyKind.Workload.Name, MonthNumber(resolvedAt), null, null, assignee, null, null,
                    seconds / Percentiles.WorkloadBucketSeconds),
                new TallyCounts(1, 0, 0));
        }

        if (ticket.SlaFirstRespondedAt is { } respondedAt && ticket.SlaFirstResponseMet is { } firstMet)
        {
            yield return (new TallyKey(TallyKind.SlaFirstResponse.Name, MonthNumber(respondedAt), ticket.ErrorCode, ticket.Channel, ticket.AssigneeId, Flag(firstMet), null, 0),
                new TallyCounts(1, 0, 0));
        }

        if (ticket.SlaResolvedAt is { } slaResolvedAt && ticket.SlaResolutionMet is { } resolutionMet)
        {
            yield return (new TallyKey(TallyKind.SlaResolution.Name, MonthNumber(slaResolvedAt), ticket.ErrorCode, ticket.Channel, ticket.AssigneeId, Flag(resolutionMet), null, 0),
                new TallyCounts(1, 0, 0));
        }
    }

    public const string Yes = "1";

    private static string Flag(bool value) => value ? Yes : "0";

    /// <summary>The rows that turn the totals of <paramref name="before"/> into those of <paramref name="after"/> (keys whose counts did not move are left out).</summary>
    public static List<ReportTally> Difference(IEnumerable<Snapshot> before, IEnumerable<Snapshot> after)
    {
        var sums = new Dictionary<TallyKey, TallyCounts>();
        foreach (var (key, counts) in before.SelectMany(Contributions))
        {
            sums[key] = sums.GetValueOrDefault(key) + -counts;
        }

        foreach (var (key, counts) in after.SelectMany(Contributions))
        {
            sums[key] = sums.GetValueOrDefault(key) + counts;
        }

        return sums.Where(sum => !sum.Value.IsZero).Select(sum => Row(sum.Key, sum.Value)).ToList();
    }

    public static ReportTally Row(TallyKey key, TallyCounts counts) => new()
    {
        Kind = key.Kind, Month = key.Month, ErrorCode = key.ErrorCode, Channel = key.Channel, AssigneeId = key.AssigneeId, Key = key.Key, Key2 = key.Key2, Number = key.Number,
        Tickets = counts.Tickets, Open = counts.Open, Confirmed = counts.Confirmed,
    };

    /// <summary>
    /// Replaces every stored total with the totals of the tickets now in the database, one row per key. For a
    /// database written around the application (the demo seeder's bulk insert, a restore) and the first start after
    /// the totals were introduced. Reads the tickets as a stream; only the totals are held.
    /// </summary>
    public static async Task<int> RebuildAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.ReportTallies.ExecuteDeleteAsync(cancellationToken);
        var sums = new Dictionary<TallyKey, TallyCounts>();
        await foreach (var ticket in Snapshots(db.Tickets).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var (key, counts) in Contributions(ticket))
            {
                sums[key] = sums.GetValueOrDefault(key) + counts;
            }
        }

        var rows = sums.Select(sum => Row(sum.Key, sum.Value)).ToList();
        await InsertAsync(db, rows, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>
    /// Folds the rows of every month that has more than one row for a key into one row per key, dropping keys that
    /// sum to nothing. Rows written while it runs have higher ids and are left for the next run. Returns the rows removed.
    /// </summary>
    public static async Task<int> CompactAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var upTo = await db.ReportTallies.MaxAsync(t => (long?)t.Id, cancellationToken);
        if (upTo is null)
        {
            return 0;
        }

        var months = await db.ReportTallies.Where(t => t.Id <= upTo)
            .GroupBy(t => new { t.Kind, t.Month, t.ErrorCode, t.Channel, t.AssigneeId, t.Key, t.Key2, t.Number })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.Month)
            .Distinct()
            .ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var month in months)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = db.ReportTallies.Where(t => t.Month == month && t.Id <= upTo);
            var sums = await rows
                .GroupBy(t => new { t.Kind, t.Month, t.ErrorCode, t.Channel, t.AssigneeId, t.Key, t.Key2, t.Number })
                .Select(g => new { g.Key, Tickets = g.Sum(t => t.Tickets), Open = g.Sum(t => t.Open), Confirmed = g.Sum(t => t.Confirmed) })
                .ToListAsync(cancellationToken);
            var deleted = await rows.ExecuteDeleteAsync(cancellationToken);
            var kept = sums.Where(s => s.Tickets != 0 || s.Open != 0 || s.Confirmed != 0)
                .Select(s => Row(new TallyKey(s.Key.Kind, s.Key.Month, s.Key.ErrorCode, s.Key.Channel, s.Key.AssigneeId, s.Key.Key, s.Key.Key2, s.Key.Number), new TallyCounts(s.Tickets, s.Open, s.Confirmed)))
                .ToList();
            await InsertAsync(db, kept, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            removed += deleted - kept.Count;
        }

        return removed;
    }

    private static async Task InsertAsync(IAppDbContext db, List<ReportTally> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(5000))
        {
            db.ReportTallies.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
