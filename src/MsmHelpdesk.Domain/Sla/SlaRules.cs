using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Domain.Sla;

/// <summary>How long, in business time, the helpdesk has to first answer a ticket and to resolve it.</summary>
public sealed record SlaTarget(TimeSpan FirstResponse, TimeSpan Resolution);

/// <summary>The targets per priority and the calendar they are counted in: what a ticket's clocks need.</summary>
public sealed class SlaRules(BusinessCalendar calendar, IReadOnlyDictionary<TicketPriority, SlaTarget> targets)
{
    /// <summary>A clock is at risk once this share of its target is used up.</summary>
    public const double AtRiskShare = 0.75;

    /// <summary>Urgent 1 h / 8 h, High 2 h / 16 h, Normal 4 h / 24 h, Low 8 h / 40 h business hours.</summary>
    public static IReadOnlyDictionary<TicketPriority, SlaTarget> DefaultTargets { get; } = new Dictionary<TicketPriority, SlaTarget>
    {
        [TicketPriority.Urgent] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        [TicketPriority.High] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(16)),
        [TicketPriority.Normal] = new(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        [TicketPriority.Low] = new(TimeSpan.FromHours(8), TimeSpan.FromHours(40)),
    };

    public static SlaRules Default { get; } = new(BusinessCalendar.Default, DefaultTargets);

    public BusinessCalendar Calendar { get; } = calendar;

    public SlaTarget For(TicketPriority priority) => targets.TryGetValue(priority, out var target) ? target : DefaultTargets[priority];

    public static TimeSpan AtRiskAfter(TimeSpan target) => TimeSpan.FromSeconds(Math.Round(target.TotalSeconds * AtRiskShare));
}

public enum SlaState
{
    /// <summary>The ticket has no SLA clocks (logged before SLAs existed).</summary>
    None,
    OnTrack,
    AtRisk,
    Breached,
    Paused,
    Met,
}

public enum SlaClock
{
    FirstResponse,
    Resolution,
}
