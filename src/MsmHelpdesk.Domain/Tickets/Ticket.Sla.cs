using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// The ticket's SLA clocks and the facts reports count (first response, resolution, time to diagnosis), as plain
/// columns so met/breached per month and the list's SLA filter are answered in SQL.
/// <para>
/// First response = the first move out of New (triage) by a person. Notes are internal and never reach the
/// client, and an assignment can be made by whoever logs the call, so neither says the client was answered;
/// triage is the moment a consultant has read the ticket and tells the client it is being handled.
/// </para>
/// <para>
/// Resolution runs in business time from creation; it pauses in WaitingOnClient and WaitingOnKpp (due instant
/// cleared, business time used so far kept) and stops at Resolved. A clock already breached is not paused: a
/// wait cannot undo a breach. Reopening resumes the resolution clock with the business time it had used.
/// </para>
/// </summary>
public sealed partial class Ticket
{
    public int? SlaFirstResponseTargetMinutes { get; private set; }

    public DateTimeOffset? SlaFirstResponseDueAt { get; private set; }

    /// <summary>When 75 % of the first-response target will be used up; null once answered.</summary>
    public DateTimeOffset? SlaFirstResponseAtRiskAt { get; private set; }

    public DateTimeOffset? SlaFirstRespondedAt { get; private set; }

    public bool? SlaFirstResponseMet { get; private set; }

    /// <summary>Business time from creation to the first response.</summary>
    public int? SlaFirstResponseUsedSeconds { get; private set; }

    public int? SlaResolutionTargetMinutes { get; private set; }

    /// <summary>Null while the clock is paused or stopped in time; a breached clock keeps its due instant.</summary>
    public DateTimeOffset? SlaResolutionDueAt { get; private set; }

    public DateTimeOffset? SlaResolutionAtRiskAt { get; private set; }

    /// <summary>Set while waiting on the client or the KPP.</summary>
    public DateTimeOffset? SlaResolutionPausedAt { get; private set; }

    /// <summary>Business time used by the resolution clock, kept while it is paused or stopped (null while it runs).</summary>
    public int? SlaResolutionUsedSeconds { get; private set; }

    /// <summary>The (latest) resolution the outcome below belongs to; cleared by a reopen.</summary>
    public DateTimeOffset? SlaResolvedAt { get; private set; }

    public bool? SlaResolutionMet { get; private set; }

    public SlaFacts Sla => new(
        TicketWorkflow.IsOpen(Status), SlaResolutionTargetMinutes,
        SlaFirstResponseDueAt, SlaFirstResponseAtRiskAt, SlaFirstRespondedAt, SlaFirstResponseMet,
        SlaResolutionDueAt, SlaResolutionAtRiskAt, SlaResolutionPausedAt, SlaResolutionMet);

    /// <summary>Starts both clocks at creation with the targets of the ticket's priority.</summary>
    private void StartSla(SlaRules rules, DateTimeOffset now)
    {
        var target = rules.For(Priority);
        SlaFirstResponseTargetMinutes = Minutes(target.FirstResponse);
        SlaResolutionTargetMinutes = Minutes(target.Resolution);
        SlaFirstResponseDueAt = rules.Calendar.AddWorkingTime(now, target.FirstResponse);
        SlaFirstResponseAtRiskAt = rules.Calendar.AddWorkingTime(now, SlaRules.AtRiskAfter(target.FirstResponse));
        SlaResolutionDueAt = rules.Calendar.AddWorkingTime(now, target.Resolution);
        SlaResolutionAtRiskAt = rules.Calendar.AddWorkingTime(now, SlaRules.AtRiskAfter(target.Resolution));
    }

    private void OnStatusChangedForSla(TicketStatus from, TicketStatus to, SlaRules rules, DateTimeOffset now)
    {
        if (SlaResolutionTargetMinutes is null)
        {
            return;
        }

        var calendar = rules.Calendar;
        if (from == TicketStatus.New && SlaFirstRespondedAt is null)
        {
            SlaFirstRespondedAt = now;
            SlaFirstResponseMet = SlaFirstResponseDueAt is not { } due || now <= due;
            SlaFirstResponseUsedSeconds = Seconds(calendar.WorkingTimeBetween(CreatedAt, now));
            SlaFirstResponseAtRiskAt = null;
        }

        var waiting = to is TicketStatus.WaitingOnClient or TicketStatus.WaitingOnKpp;
        if (waiting && SlaResolutionPausedAt is null && SlaResolutionDueAt is { } runningDue && now < runningDue)
        {
            SlaResolutionUsedSeconds = Seconds(ResolutionUsed(calendar, now));
            SlaResolutionPausedAt = now;
            SlaResolutionDueAt = null;
            SlaResolutionAtRiskAt = null;
        }
        else if (to == TicketStatus.InProgress && SlaResolutionDueAt is null)
        {
            // Back from a wait, or reopened after a resolution in time: the clock resumes with what it had used.
            ResumeResolution(calendar, now);
        }

        if (to == TicketStatus.Resolved)
        {
            var used = ResolutionUsed(calendar, now);
            SlaResolutionMet = used <= TimeSpan.FromMinutes(SlaResolutionTargetMinutes.Value);
            SlaResolvedAt = now;
            SlaResolutionUsedSeconds = Seconds(used);
            SlaResolutionPausedAt = null;
            SlaResolutionAtRiskAt = null;
            if (SlaResolutionMet == true)
            {
                SlaResolutionDueAt = null;
            }
        }
        else if (TicketWorkflow.IsReopen(from, to))
        {
            SlaResolvedAt = null;
            SlaResolutionMet = null;
            if (SlaResolutionDueAt is not null)
            {
                SlaResolutionUsedSeconds = null;
            }
        }
    }

    /// <summary>A new priority brings new targets; the business time already used is kept.</summary>
    private void OnPriorityChangedForSla(SlaRules rules, DateTimeOffset now)
    {
        if (SlaResolutionTargetMinutes is null)
        {
            return;
        }

        var calendar = rules.Calendar;
        var target = rules.For(Priority);
        if (SlaFirstRespondedAt is null && SlaFirstResponseDueAt is { } firstDue)
        {
            var used = calendar.WorkingTimeBetween(CreatedAt, now);
            SlaFirstResponseTargetMinutes = Minutes(target.FirstResponse);
            (SlaFirstResponseDueAt, SlaFirstResponseAtRiskAt) = Lay(calendar, now, used, target.FirstResponse, firstDue);
        }

        if (SlaResolvedAt is not null)
        {
            return;
        }

        if (SlaResolutionDueAt is { } resolutionDue)
        {
            var used = ResolutionUsed(calendar, now);
            SlaResolutionTargetMinutes = Minutes(target.Resolution);
            (SlaResolutionDueAt, SlaResolutionAtRiskAt) = Lay(calendar, now, used, target.Resolution, resolutionDue);
        }
        else
        {
            SlaResolutionTargetMinutes = Minutes(target.Resolution);
        }
    }

    /// <summary>
    /// The calendar changed (a holiday added, hours edited): the business time still left on each running clock
    /// is laid out again in the new calendar from now on. Time already used is not recounted.
    /// </summary>
    public bool RecalendarSla(BusinessCalendar previous, BusinessCalendar current, DateTimeOffset now)
    {
        var changed = false;
        if (SlaFirstRespondedAt is null && SlaFirstResponseDueAt is { } firstDue && firstDue > now)
        {
            SlaFirstResponseDueAt = current.AddWorkingTime(now, previous.WorkingTimeBetween(now, firstDue));
            SlaFirstResponseAtRiskAt = SlaFirstResponseAtRiskAt is { } risk && risk > now
                ? current.AddWorkingTime(now, previous.WorkingTimeBetween(now, risk))
                : SlaFirstResponseAtRiskAt;
            changed = true;
        }

        if (SlaResolvedAt is null && SlaResolutionDueAt is { } resolutionDue && resolutionDue > now)
        {
            SlaResolutionDueAt = current.AddWorkingTime(now, previous.WorkingTimeBetween(now, resolutionDue));
            SlaResolutionAtRiskAt = SlaResolutionAtRiskAt is { } risk && risk > now
                ? current.AddWorkingTime(now, previous.WorkingTimeBetween(now, risk))
                : SlaResolutionAtRiskAt;
            changed = true;
        }

        return changed;
    }

    private void ResumeResolution(BusinessCalendar calendar, DateTimeOffset now)
    {
        var used = TimeSpan.FromSeconds(SlaResolutionUsedSeconds ?? 0);
        var target = TimeSpan.FromMinutes(SlaResolutionTargetMinutes!.Value);
        SlaResolutionDueAt = calendar.AddWorkingTime(now, target - used);
        SlaResolutionAtRiskAt = calendar.AddWorkingTime(now, SlaRules.AtRiskAfter(target) - used);
        SlaResolutionPausedAt = null;
        SlaResolutionUsedSeconds = null;
    }

    /// <summary>Business time the resolution clock has used by <paramref name="now"/> (more than the target once breached).</summary>
    private TimeSpan ResolutionUsed(BusinessCalendar calendar, DateTimeOffset now)
    {
        if (SlaResolutionDueAt is not { } due)
        {
            return TimeSpan.FromSeconds(SlaResolutionUsedSeconds ?? 0);
        }

        var target = TimeSpan.FromMinutes(SlaResolutionTargetMinutes!.Value);
        return now <= due ? target - calendar.WorkingTimeBetween(now, due) : target + calendar.WorkingTimeBetween(due, now);
    }

    /// <summary>Due and at-risk instants for a running clock that has used <paramref name="used"/> of a new target.</summary>
    private static (DateTimeOffset Due, DateTimeOffset AtRisk) Lay(BusinessCalendar calendar, DateTimeOffset now, TimeSpan used, TimeSpan target, DateTimeOffset previousDue)
    {
        // A target already used up is breached from now, or from the earlier due instant if it had passed already.
        var due = used < target ? calendar.AddWorkingTime(now, target - used) : (previousDue < now ? previousDue : now);
        var atRisk = calendar.AddWorkingTime(now, SlaRules.AtRiskAfter(target) - used);
        return (due, atRisk < due ? atRisk : due);
    }

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes);

    private static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds);
}
