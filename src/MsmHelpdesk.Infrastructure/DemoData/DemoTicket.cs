using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.DemoData;

internal sealed record DemoTicket(
    Guid Id,
    string Number,
    Guid ClientId,
    Guid? ContactId,
    TicketChannel Channel,
    string ErrorText,
    string? ErrorCode,
    string? Activity,
    string? SystemVersion,
    string? Description,
    TicketPriority Priority,
    TicketStatus Status,
    string? AssigneeId,
    DateTimeOffset ReportedAt,
    DateTimeOffset CreatedAt,
    string CreatedById,
    DateTimeOffset UpdatedAt,
    string? ResolutionSummary,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<DemoTimelineEntry> Timeline,
    DemoDiagnosis Diagnosis,
    DemoSla Sla,
    IReadOnlyList<DemoVisit> Visits)
{
    /// <summary>How many values <see cref="CopyTo"/> writes: the seeder's ticket columns.</summary>
    public const int ColumnCount = 39 + DemoSla.ColumnCount;

    /// <summary>The values in the seeder's ticket column order.</summary>
    public void CopyTo(object?[] row)
    {
        row[0] = Id;
        row[1] = Number;
        row[2] = ClientId;
        row[3] = ContactId;
        row[4] = Channel;
        row[5] = ErrorText;
        row[6] = ErrorCode;
        row[7] = Activity;
        row[8] = SystemVersion;
        row[9] = Description;
        row[10] = Priority;
        row[11] = Status;
        row[12] = AssigneeId;
        row[13] = ReportedAt;
        row[14] = CreatedAt;
        row[15] = CreatedById;
        row[16] = UpdatedAt;
        row[17] = ResolutionSummary;
        row[18] = ResolvedAt;
        row[19] = ClosedAt;
        row[20] = Version;
        var d = Diagnosis;
        (row[21], row[22], row[23], row[24], row[25], row[26]) =
            (d.SuggestedScenario, d.SuggestedScenarioConfidence, d.SuggestedCause, d.SuggestedCauseConfidence, DemoDiagnosis.Version, CreatedAt);
        var confirmed = d.ConfirmedAt is not null;
        (row[27], row[28], row[29], row[30], row[31], row[32]) = confirmed
            ? ((object?)d.ConfirmedScenario, (object?)1.0, (object?)d.ConfirmedCause, (object?)1.0, (object?)"consultant", (object?)d.ConfirmedAt)
            : (null, null, null, null, null, null);
        (row[33], row[34]) = (d.ConfirmedAt, d.ConfirmedById);
        row[35] = ResolvedAt is { } resolved ? (long)(resolved - CreatedAt).TotalSeconds : null;
        row[36] = d.ConfirmedAt is { } at ? (long)(at - CreatedAt).TotalSeconds : null;
        (row[37], row[38]) = confirmed ? (d.ConfirmedScenario, d.ConfirmedCause) : (d.SuggestedScenario, d.SuggestedCause);
        Sla.CopyTo(row, 39);
    }
}
