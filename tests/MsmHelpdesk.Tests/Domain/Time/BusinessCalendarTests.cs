using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Tests.Domain.Time;

/// <summary>Working time in WIB, Mon–Fri 08:00–17:00 unless a test says otherwise. 2026-11-27 is a Friday.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Standard = BusinessCalendar.Default;

    internal static DateTimeOffset Wib(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static BusinessCalendar WithHolidays(params DateOnly[] holidays) =>
        new(Standard.Opens, Standard.Closes, Standard.WorkingDays, holidays);

    [Fact]
    public void ShouldCarryWorkFromFridayAfternoonOverTheWeekendToMonday() =>
        Assert.Equal(Wib(11, 30, 11), Standard.AddWorkingTime(Wib(11, 27, 16), TimeSpan.FromHours(4)));

    [Fact]
    public void ShouldSkipAHolidayMonday() =>
        Assert.Equal(Wib(12, 1, 11), WithHolidays(new DateOnly(2026, 11, 30)).AddWorkingTime(Wib(11, 27, 16), TimeSpan.FromHours(4)));

    [Fact]
    public void ShouldSkipSeveralHolidaysInARowLikeCutiBersama()
    {
        // Idul Fitri 2026 (20–21 March) with cuti bersama around it: Thursday 19 to Tuesday 24 March closed.
        var calendar = WithHolidays(new(2026, 3, 19), new(2026, 3, 20), new(2026, 3, 23), new(2026, 3, 24));

        Assert.Equal(Wib(3, 25, 10), calendar.AddWorkingTime(Wib(3, 18, 16), TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.FromHours(3), calendar.WorkingTimeBetween(Wib(3, 18, 16), Wib(3, 25, 10)));
    }

    [Fact]
    public void ShouldStartCountingAtOpeningWhenStartedBeforeOpening() =>
        Assert.Equal(Wib(11, 26, 10), Standard.AddWorkingTime(Wib(11, 26, 6, 30), TimeSpan.FromHours(2)));

    [Fact]
    public void ShouldStartCountingOnTheNextWorkingDayWhenStartedAfterClosing() =>
        Assert.Equal(Wib(11, 27, 10), Standard.AddWorkingTime(Wib(11, 26, 19), TimeSpan.FromHours(2)));

    [Fact]
    public void ShouldBeDueAtClosingWhenTheTargetEndsExactlyThere() =>
        Assert.Equal(Wib(11, 27, 17), Standard.AddWorkingTime(Wib(11, 27, 16), TimeSpan.FromHours(1)));

    [Fact]
    public void ShouldSpanSeveralWorkingDays() =>
        // 24 business hours from Friday 16:00: 1 h Friday, 9 h Monday, 9 h Tuesday, 5 h Wednesday.
        Assert.Equal(Wib(12, 2, 13), Standard.AddWorkingTime(Wib(11, 27, 16), TimeSpan.FromHours(24)));

    [Fact]
    public void ShouldReturnTheStartItselfForZeroOrNegativeTime()
    {
        var saturday = Wib(11, 28, 12);

        Assert.Equal(saturday, Standard.AddWorkingTime(saturday, TimeSpan.Zero));
        Assert.Equal(saturday, Standard.AddWorkingTime(saturday, TimeSpan.FromHours(-3)));
        Assert.Equal(TimeSpan.Zero, Standard.WorkingTimeBetween(Wib(11, 27, 12), Wib(11, 27, 12)));
        Assert.Equal(TimeSpan.Zero, Standard.WorkingTimeBetween(Wib(11, 27, 12), Wib(11, 26, 12)));
    }

    [Fact]
    public void ShouldReturnUtcInstants() =>
        Assert.Equal(TimeSpan.Zero, Standard.AddWorkingTime(Wib(11, 27, 16), TimeSpan.FromHours(4)).Offset);

    [Fact]
    public void ShouldCountNothingOverAWeekend() =>
        Assert.Equal(TimeSpan.Zero, Standard.WorkingTimeBetween(Wib(11, 27, 17), Wib(11, 30, 8)));

    [Fact]
    public void ShouldCountOnlyOpeningHoursAcrossDaysAndHolidays()
    {
        Assert.Equal(TimeSpan.FromHours(1 + 9 + 3), Standard.WorkingTimeBetween(Wib(11, 27, 16), Wib(12, 1, 11)));
        Assert.Equal(TimeSpan.FromHours(1 + 3), WithHolidays(new DateOnly(2026, 11, 30)).WorkingTimeBetween(Wib(11, 27, 16), Wib(12, 1, 11)));
        Assert.Equal(TimeSpan.FromHours(9), Standard.WorkingTimeBetween(Wib(11, 26, 0), Wib(11, 26, 23, 59)));
    }

    [Fact]
    public void ShouldTreatInstantsGivenInUtcAsWib() =>
        // 09:00 UTC is 16:00 WIB.
        Assert.Equal(TimeSpan.FromHours(1), Standard.WorkingTimeBetween(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), Wib(11, 27, 18)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(95)]
    [InlineData(2400)]
    public void ShouldAgreeWithItselfBetweenAddingAndCounting(int minutes)
    {
        var calendar = WithHolidays(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 24));
        foreach (var start in new[] { Wib(11, 27, 16, 13), Wib(11, 28, 9), Wib(12, 23, 7), Wib(12, 23, 16, 59) })
        {
            var end = calendar.AddWorkingTime(start, TimeSpan.FromMinutes(minutes));

            Assert.Equal(TimeSpan.FromMinutes(minutes), calendar.WorkingTimeBetween(start, end));
        }
    }

    [Fact]
    public void ShouldHonourOtherWorkingDaysAndHours()
    {
        // A Saturday half-day office: Mon–Sat 09:00–13:00.
        var calendar = new BusinessCalendar(new TimeOnly(9, 0), new TimeOnly(13, 0),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday], []);

        Assert.Equal(Wib(11, 28, 11), calendar.AddWorkingTime(Wib(11, 27, 12), TimeSpan.FromHours(3)));
        Assert.Equal(Wib(11, 30, 10), calendar.AddWorkingTime(Wib(11, 28, 12), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void ShouldFindWorkingDaysAroundWeekendsAndHolidays()
    {
        var calendar = WithHolidays(new DateOnly(2026, 11, 30));

        Assert.Equal(new DateOnly(2026, 12, 1), calendar.NextWorkingDay(new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateOnly(2026, 11, 27), calendar.PreviousWorkingDay(new DateOnly(2026, 12, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void ShouldRefuseADayThatClosesBeforeItOpensOrNoWorkingDays()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(new TimeOnly(17, 0), new TimeOnly(8, 0), [DayOfWeek.Monday], []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(new TimeOnly(8, 0), new TimeOnly(17, 0), [], []));
    }
}
