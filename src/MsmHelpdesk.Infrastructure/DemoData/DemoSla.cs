using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>
/// A demo ticket's SLA clocks as the domain would have left them (<c>Ticket.Sla.cs</c>), with the default targets
/// and calendar: answered or still running first response, resolution met ⇔ business time used ≤ target, paused
/// while waiting (unless already breached), due instants on running clocks. Demo tickets have no reopen or
/// priority change, and a wait is taken as the ticket's last status change.
/// </summary>
internal sealed record DemoSla(
    int FirstResponseTargetMinutes,
    DateTimeOffset FirstResponseDueAt,
    DateTimeOffset? FirstResponseAtRiskAt,
    DateTimeOffset? FirstRespondedAt,
    bool? FirstResponseMet,
    int? FirstResponseUsedSeconds,
    int ResolutionTargetMinutes,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ResolutionAtRiskAt,
    DateTimeOffset? ResolutionPausedAt,
    int? ResolutionUsedSeconds,
    DateTimeOffset? ResolvedAt,
    bool? ResolutionMet)
{
    public const int ColumnCount = 13;

    /// <summary>The seeder's SLA column names, in <see cref="CopyTo"/>'s order.</summary>
    public static readonly string[] Columns =
    [
        "SlaFirstResponseTargetMinutes", "SlaFirstResponseDueAt", "SlaFirstResponseAtRiskAt", "SlaFirstRespondedAt", "SlaFirstResponseMet",
        "SlaFirstResponseUsedSeconds", "SlaResolutionTargetMinutes", "SlaResolutionDueAt", "SlaResolutionAtRiskAt", "SlaResolutionPausedAt",
        "SlaResolutionUsedSeconds", "SlaResolvedAt", "SlaResolutionMet",
    ];

    public void CopyTo(object?[] row, int offset)
    {
        row[offset] = FirstResponseTargetMinutes;
        row[offset + 1] = FirstResponseDueAt;
        row[offset + 2] = FirstResponseAtRiskAt;
        row[offset + 3] = FirstRespondedAt;
        row[offset + 4] = FirstResponseMet;
        row[offset + 5] = FirstResponseUsedSeconds;
        row[offset + 6] = ResolutionTargetMinutes;
        row[offset + 7] = ResolutionDueAt;
        row[offset + 8] = ResolutionAtRiskAt;
        row[offset + 9] = ResolutionPausedAt;
        row[offset + 10] = ResolutionUsedSeconds;
        row[offset + 11] = ResolvedAt;
        row[offset + 12] = ResolutionMet;
    }

    private static readonly SlaRules Rules = SlaRules.Default;

    /// <summary>
    /// The clocks with the default targets in business time (<see cref="SlaRules.Default"/>). First response: most
    /// within the target, some late, never after the ticket's first status change. Resolution: business time from
    /// creation to resolution; an open ticket's clock runs (due instants set), a waiting one is paused at its last
    /// change unless the due instant had already passed (a breached clock is not paused).
    /// </summary>
    public static DemoSla Draw(DemoRandom random, TicketPriority priority, TicketStatus status, DateTimeOffset createdAt, DateTimeOffset firstChange, DateTimeOffset? resolvedAt, DateTimeOffset updatedAt)
    {
        var calendar = Rules.Calendar;
        var target = Rules.For(priority);
        var firstDue = calendar.AddWorkingTime(createdAt, target.FirstResponse);
        var firstAtRisk = calendar.AddWorkingTime(createdAt, SlaRules.AtRiskAfter(target.FirstResponse));
        DateTimeOffset? responded = null;
        if (status != TicketStatus.New)
        {
            var draw = random.Chance(0.85)
                ? TimeSpan.FromSeconds(random.Next(300, Math.Max(301, (int)target.FirstResponse.TotalSeconds)))
                : target.FirstResponse + TimeSpan.FromSeconds(random.Next(60, (int)(2 * target.FirstResponse.TotalSeconds)));
            var at = calendar.AddWorkingTime(createdAt, draw);
            responded = at < firstChange ? at : firstChange;
        }

        var resolutionTarget = target.Resolution;
        var due = calendar.AddWorkingTime(createdAt, resolutionTarget);
        var atRisk = calendar.AddWorkingTime(createdAt, SlaRules.AtRiskAfter(resolutionTarget));
        DateTimeOffset? resolutionDue = due, resolutionAtRisk = atRisk, paused = null;
        int? used = null;
        bool? met = null;
        if (resolvedAt is { } resolved)
        {
            var spent = calendar.WorkingTimeBetween(createdAt, resolved);
            met = spent <= resolutionTarget;
            used = Seconds(spent);
            (resolutionDue, resolutionAtRisk) = (met == true ? null : due, null);
        }
        else if ((status is TicketStatus.WaitingOnClient or TicketStatus.WaitingOnKpp) && updatedAt < due)
        {
            (paused, used, resolutionDue, resolutionAtRisk) = (updatedAt, Seconds(calendar.WorkingTimeBetween(createdAt, updatedAt)), null, null);
        }

        return new DemoSla(
            Minutes(target.FirstResponse), firstDue, responded is null ? firstAtRisk : null, responded,
            responded is { } r ? r <= firstDue : null, responded is { } r2 ? Seconds(calendar.WorkingTimeBetween(createdAt, r2)) : null,
            Minutes(resolutionTarget), resolutionDue, resolutionAtRisk, paused, used, resolvedAt, met);
    }

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes);

    private static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds);
}
