namespace MsmHelpdesk.Domain.Time;

/// <summary>
/// The consultancy's working time in WIB: working weekdays, opening hours and holidays. SLA clocks count only
/// time inside it; "the working day before" a KPP visit is found with it.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(TimeOnly opens, TimeOnly closes, IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> holidays)
    {
        if (closes <= opens)
        {
            throw new ArgumentException("A working day must close after it opens.", nameof(closes));
        }

        Opens = opens;
        Closes = closes;
        _workingDays = [.. workingDays];
        _holidays = [.. holidays];
        if (_workingDays.Count == 0)
        {
            throw new ArgumentException("At least one weekday must be a working day.", nameof(workingDays));
        }
    }

    /// <summary>Monday to Friday, 08:00–17:00 WIB, no holidays.</summary>
    public static BusinessCalendar Default { get; } = new(
        new TimeOnly(8, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], []);

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    public IReadOnlySet<DayOfWeek> WorkingDays => _workingDays;

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public TimeSpan WorkingDayLength => Closes - Opens;

    public bool IsWorkingDay(DateOnly day) => _workingDays.Contains(day.DayOfWeek) && !_holidays.Contains(day);

    public DateOnly NextWorkingDay(DateOnly after)
    {
        var day = after.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public DateOnly PreviousWorkingDay(DateOnly before)
    {
        var day = before.AddDays(-1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var start = Wib.ToWib(from);
        var end = Wib.ToWib(to);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start.DateTime); day <= DateOnly.FromDateTime(end.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var open = At(day, Opens);
            var close = At(day, Closes);
            var overlapStart = open > start ? open : start;
            var overlapEnd = close < end ? close : end;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    /// <summary>
    /// The instant when <paramref name="duration"/> of working time has passed after <paramref name="start"/>
    /// (a target ending exactly at closing time is due at closing, not at the next opening). Zero or a negative
    /// duration is <paramref name="start"/> itself, even outside working hours: nothing is left to wait for.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var cursor = Wib.ToWib(start);
        var remaining = duration;
        var day = DateOnly.FromDateTime(cursor.DateTime);
        while (true)
        {
            if (IsWorkingDay(day))
            {
                var open = At(day, Opens);
                var close = At(day, Closes);
                var from = cursor > open ? cursor : open;
                if (from < close)
                {
                    var available = close - from;
                    if (remaining <= available)
                    {
                        return (from + remaining).ToUniversalTime();
                    }

                    remaining -= available;
                }
            }

            day = day.AddDays(1);
            cursor = At(day, TimeOnly.MinValue);
        }
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Wib.Offset);
}
