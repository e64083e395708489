using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Domain.Sla;

/// <summary>A day the office is closed: a national holiday or a cuti bersama day (WIB date).</summary>
public sealed class Holiday
{
    private Holiday()
    {
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    public static Holiday Create(DateOnly date, string name, string actorName, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Date = date, Name = name.Trim(), UpdatedAt = now, UpdatedByName = actorName };

    public void Change(DateOnly date, string name, string actorName, DateTimeOffset now)
    {
        Date = date;
        Name = name.Trim();
        UpdatedAt = now;
        UpdatedByName = actorName;
    }
}

/// <summary>Opening hours and working weekdays (one row; the built-in default until someone saves).</summary>
public sealed class WorkingHours
{
    public const int SingletonId = 1;

    private WorkingHours()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public TimeOnly Opens { get; private set; }

    public TimeOnly Closes { get; private set; }

    /// <summary>Bit per <see cref="DayOfWeek"/> (Sunday = bit 0).</summary>
    public int WorkingDaysMask { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    public IReadOnlyList<DayOfWeek> WorkingDays => Enum.GetValues<DayOfWeek>().Where(day => (WorkingDaysMask & (1 << (int)day)) != 0).ToArray();

    public static WorkingHours Create(TimeOnly opens, TimeOnly closes, IEnumerable<DayOfWeek> days, string actorName, DateTimeOffset now)
    {
        var hours = new WorkingHours();
        hours.Change(opens, closes, days, actorName, now);
        return hours;
    }

    public void Change(TimeOnly opens, TimeOnly closes, IEnumerable<DayOfWeek> days, string actorName, DateTimeOffset now)
    {
        Opens = opens;
        Closes = closes;
        WorkingDaysMask = days.Aggregate(0, (mask, day) => mask | (1 << (int)day));
        UpdatedAt = now;
        UpdatedByName = actorName;
    }
}

/// <summary>The business-time targets of one priority.</summary>
public sealed class SlaPolicy
{
    private SlaPolicy()
    {
    }

    public TicketPriority Priority { get; private set; }

    public int FirstResponseMinutes { get; private set; }

    public int ResolutionMinutes { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedById { get; private set; } = "";

    public string UpdatedByName { get; private set; } = "";

    public SlaTarget Target => new(TimeSpan.FromMinutes(FirstResponseMinutes), TimeSpan.FromMinutes(ResolutionMinutes));

    public static SlaPolicy Create(TicketPriority priority, int firstResponseMinutes, int resolutionMinutes, Tickets.Actor actor, DateTimeOffset now)
    {
        var policy = new SlaPolicy { Priority = priority };
        policy.Change(firstResponseMinutes, resolutionMinutes, actor, now);
        return policy;
    }

    public void Change(int firstResponseMinutes, int resolutionMinutes, Tickets.Actor actor, DateTimeOffset now)
    {
        FirstResponseMinutes = firstResponseMinutes;
        ResolutionMinutes = resolutionMinutes;
        UpdatedAt = now;
        UpdatedById = actor.Id;
        UpdatedByName = actor.Name;
    }
}

/// <summary>Who changed which SLA setting and when (policies, hours, holidays): the settings' audit trail.</summary>
public sealed class SlaSettingsChange
{
    private SlaSettingsChange()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>What changed, in neutral words with old and new values, e.g. "policy High: 120/960 → 60/960 min".</summary>
    public string Description { get; private set; } = "";

    public static SlaSettingsChange Record(Tickets.Actor actor, DateTimeOffset now, string description) =>
        new() { At = now, ActorId = actor.Id, ActorName = actor.Name, Description = description };
}

/// <summary>An escalation that was sent: one per ticket, clock and state, so a second run sends nothing.</summary>
public sealed class SlaEscalation
{
    private SlaEscalation()
    {
    }

    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    public SlaClock Clock { get; private set; }

    /// <summary><see cref="SlaState.AtRisk"/> or <see cref="SlaState.Breached"/>.</summary>
    public SlaState State { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int Recipients { get; private set; }

    public static SlaEscalation Record(Guid ticketId, SlaClock clock, SlaState state, int recipients, DateTimeOffset now) =>
        new() { TicketId = ticketId, Clock = clock, State = state, Recipients = recipients, At = now };
}
