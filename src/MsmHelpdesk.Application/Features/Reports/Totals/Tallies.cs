using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Reports.Sections;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Reports.Totals;

/// <summary>
/// What a ticket contributes to the stored totals, and the rows a save adds to keep them equal to the tickets
/// (written by Infrastructure's report-totals interceptor; rebuilt and compacted by <see cref="TallyStore"/>).
/// </summary>
public static class Tallies
{
    /// <summary>Raise when <see cref="Contributions"/> changes: the next start rebuilds the stored totals.</summary>
    public const string Version = "2";

    /// <summary>A WIB calendar month as one number (year × 12 + month − 1), so months compare and subtract.</summary>
    public static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month - 1;

    /// <summary>The WIB month an instant falls in.</summary>
    public static int MonthNumber(DateTimeOffset instant) => MonthNumber(DateOnly.FromDateTime(Wib.ToWib(instant).DateTime));

    public static DateOnly FirstDayOf(int month) => new(month / 12, (month % 12) + 1, 1);

    /// <summary>The WIB day an instant falls in, as <see cref="DateOnly.DayNumber"/> (never 0, which marks a month row).</summary>
    public static int DayNumber(DateTimeOffset instant) => DateOnly.FromDateTime(Wib.ToWib(instant).DateTime).DayNumber;

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

    /// <summary>
    /// The same columns of a ticket in memory: for a ticket being created, whose row the save is about to write, so the
    /// totals need not read back what was just written. A test holds it equal to <see cref="Snapshots"/>.
    /// </summary>
    public static Snapshot SnapshotOf(Ticket t) => new(
        t.Id, t.ReportedAt, t.ErrorCode, t.Channel, t.Status, t.ClientId, t.AssigneeId, t.ResolvedAt, t.DiagnosedScenario, t.DiagnosedCause, t.DiagnosisSeconds,
        t.ResolutionSeconds, t.ConfirmedAt, t.Suggested?.Cause, t.Suggested?.Scenario, t.Confirmed?.Cause, t.Confirmed?.Scenario,
        t.SlaFirstRespondedAt, t.SlaFirstResponseMet, t.SlaResolvedAt, t.SlaResolutionMet);

    /// <summary>The key of a total: every column of a row but the counts. <see cref="Day"/> is 0 on a month's row.</summary>
    public readonly record struct TallyKey(string Kind, int Month, string? ErrorCode, TicketChannel? Channel, string? AssigneeId, string? Key, string? Key2, long Number, int Day = 0);

    /// <summary>The counts of a total.</summary>
    public readonly record struct TallyCounts(int Tickets, int Open, int Confirmed)
    {
        public static TallyCounts operator +(TallyCounts a, TallyCounts b) => new(a.Tickets + b.Tickets, a.Open + b.Open, a.Confirmed + b.Confirmed);

        public static TallyCounts operator -(TallyCounts a) => new(-a.Tickets, -a.Open, -a.Confirmed);

        public bool IsZero => Tickets == 0 && Open == 0 && Confirmed == 0;
    }

    /// <summary>
    /// The one definition of what a ticket adds to each kind of total: every contribution twice, once to its WIB
    /// month's row and once to its WIB day's row, so a range is read as whole months plus the days at its ends
    /// (<see cref="ReportScope.Split"/>). The sections' ticket queries count the same things when the totals
    /// can't answer; a test holds the two equal.
    /// </summary>
    public static IEnumerable<(TallyKey Key, TallyCounts Counts)> Contributions(Snapshot ticket)
    {
        foreach (var (key, counts, at) in Counted(ticket))
        {
            var month = key with { Month = MonthNumber(at) };
            yield return (month, counts);
            yield return (month with { Day = DayNumber(at) }, counts);
        }
    }

    /// <summary>What a ticket counts in, each with the instant whose WIB month and day it is counted by (the key's month is set from it).</summary>
    private static IEnumerable<(TallyKey Key, TallyCounts Counts, DateTimeOffset At)> Counted(Snapshot ticket)
    {
        var reported = ticket.ReportedAt;
        var open = TicketWorkflow.IsOpen(ticket.Status) ? 1 : 0;
        const long width = Percentiles.BucketSeconds;
        yield return (new TallyKey(TallyKind.Codes.Name, 0, ticket.ErrorCode, ticket.Channel, null, ticket.DiagnosedScenario, ticket.DiagnosedCause, 0),
            new TallyCounts(1, open, ticket.DiagnosisSeconds is null ? 0 : 1), reported);
        yield return (new TallyKey(TallyKind.Clients.Name, 0, null, null, null, ticket.ClientId.ToString(), null, 0), new TallyCounts(1, open, 0), reported);
        yield return (new TallyKey(TallyKind.Flow.Name, 0, ticket.ErrorCode, ticket.Channel, null, FlowNew, null, 0), new TallyCounts(1, 0, 0), reported);
        if (ticket.ResolvedAt is { } resolvedAt)
        {
            yield return (new TallyKey(TallyKind.Flow.Name, 0, ticket.ErrorCode, ticket.Channel, null, FlowResolved, null, 0), new TallyCounts(1, 0, 0), resolvedAt);
        }

        if (ticket.ResolutionSeconds is { } resolution)
        {
            yield return (new TallyKey(TallyKind.Resolution.Name, 0, ticket.ErrorCode, null, null, ticket.DiagnosedCause, null, resolution / width),
                new TallyCounts(1, 0, 0), reported);
        }

        if (ticket.DiagnosisSeconds is { } diagnosis)
        {
            yield return (new TallyKey(TallyKind.Diagnosis.Name, 0, ticket.ErrorCode, null, null, ticket.DiagnosedCause, null, diagnosis / width),
                new TallyCounts(1, 0, 0), reported);
        }

        if (ticket.ConfirmedAt is { } confirmedAt && ticket.SuggestedCause is not null && ticket.ConfirmedCause is not null)
        {
            yield return (new TallyKey(TallyKind.Accuracy.Name, 0, ticket.ErrorCode, ticket.Channel, ticket.AssigneeId,
                    Flag(ticket.SuggestedCause == ticket.ConfirmedCause), Flag(ticket.SuggestedScenario == ticket.ConfirmedScenario), MonthNumber(confirmedAt)),
                new TallyCounts(1, 0, 0), reported);
        }

        if (ticket.ResolvedAt is { } resolved && ticket.ResolutionSeconds is { } seconds && ticket.AssigneeId is { } assignee)
        {
            yield return (new TallyKey(TallyKind.Workload.Name, 0, null, null, assignee, null, null, seconds / width), new TallyCounts(1, 0, 0), resolved);
        }

        if (ticket.SlaFirstRespondedAt is { } respondedAt && ticket.SlaFirstResponseMet is { } firstMet)
        {
            yield return (new TallyKey(TallyKind.SlaFirstResponse.Name, 0, ticket.ErrorCode, ticket.Channel, ticket.AssigneeId, Flag(firstMet), null, 0),
                new TallyCounts(1, 0, 0), respondedAt);
        }

        if (ticket.SlaResolvedAt is { } slaResolvedAt && ticket.SlaResolutionMet is { } resolutionMet)
        {
            yield return (new TallyKey(TallyKind.SlaResolution.Name, 0, ticket.ErrorCode, ticket.Channel, ticket.AssigneeId, Flag(resolutionMet), null, 0),
                new TallyCounts(1, 0, 0), slaResolvedAt);
        }
    }

    /// <summary>The flow's keys: a ticket reported on the day, a ticket resolved on the day.</summary>
    public const string FlowNew = "new";

    public const string FlowResolved = "resolved";

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
        Kind = key.Kind,
        Month = key.Month,
        Day = key.Day,
        ErrorCode = key.ErrorCode,
        Channel = key.Channel,
        AssigneeId = key.AssigneeId,
        Key = key.Key,
        Key2 = key.Key2,
        Number = key.Number,
        Tickets = counts.Tickets,
        Open = counts.Open,
        Confirmed = counts.Confirmed,
    };
}
