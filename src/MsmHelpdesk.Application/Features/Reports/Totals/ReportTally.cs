using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Totals;

/// <summary>
/// One change to a stored report total: what a ticket adds to (or, negative, takes from) the counts of the WIB
/// month it was reported in, or (a day row, <see cref="Day"/> set) of the WIB day. The sum of a key's rows is the total over the tickets in the database, because every
/// save of a ticket writes the difference its save made (<see cref="Tallies.Difference"/>), in the same
/// transaction. The report reads whole months from the month rows and the days outside whole months from the day
/// rows; compaction folds a key's rows into one.
/// </summary>
public sealed class ReportTally
{
    public long Id { get; private set; }

    /// <summary>Which total: one of <see cref="TallyKind"/>'s names.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The WIB month counted by, as <see cref="Tallies.MonthNumber(DateOnly)"/>: reported in; resolved in (workload); the SLA outcome's (SLA).</summary>
    public int Month { get; init; }

    /// <summary>0 on a month's row; on a day's row the WIB day (<see cref="DateOnly.DayNumber"/>) within <see cref="Month"/>.</summary>
    public int Day { get; init; }

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
