namespace MsmHelpdesk.Domain.Sla;

/// <summary>A ticket's SLA columns, enough to tell its state at any instant (mirrored in SQL by the list filter).</summary>
public sealed record SlaFacts(
    bool Open,
    int? ResolutionTargetMinutes,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstResponseAtRiskAt,
    DateTimeOffset? FirstRespondedAt,
    bool? FirstResponseMet,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ResolutionAtRiskAt,
    DateTimeOffset? ResolutionPausedAt,
    bool? ResolutionMet)
{
    /// <summary>
    /// Breached when either clock missed its target (recorded or running late); Met when a ticket is resolved or
    /// closed without a breach; Paused while waiting; AtRisk once 75 % of a running target is used; else OnTrack.
    /// </summary>
    public SlaState StateAt(DateTimeOffset now)
    {
        if (ResolutionTargetMinutes is null)
        {
            return SlaState.None;
        }

        if (FirstResponseMet == false || ResolutionMet == false
            || (Open && FirstRespondedAt is null && FirstResponseDueAt <= now)
            || (Open && ResolutionDueAt <= now))
        {
            return SlaState.Breached;
        }

        if (!Open)
        {
            return SlaState.Met;
        }

        if (ResolutionPausedAt is not null)
        {
            return SlaState.Paused;
        }

        return (FirstRespondedAt is null && FirstResponseAtRiskAt <= now) || ResolutionAtRiskAt <= now
            ? SlaState.AtRisk
            : SlaState.OnTrack;
    }

    /// <summary>The clock that matters now: the first response until it is given, then the resolution.</summary>
    public (SlaClock Clock, DateTimeOffset? DueAt) NextDue =>
        FirstRespondedAt is null && FirstResponseDueAt is not null && Open
            ? (SlaClock.FirstResponse, FirstResponseDueAt)
            : (SlaClock.Resolution, ResolutionDueAt);
}
