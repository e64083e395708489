using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Tests.Domain.Tickets;

/// <summary>The ticket's clocks without a database; 2026-11-27 is a Friday, the calendar Mon–Fri 08:00–17:00 WIB.</summary>
public sealed class TicketSlaTests
{
    private static readonly Actor Sri = new("u1", "Sri");
    private static readonly SlaRules Rules = SlaRules.Default;

    private static DateTimeOffset Wib(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private static Ticket Open(DateTimeOffset at, SlaRules? rules = null) => Ticket.Open("MSM-2026-000001", Guid.NewGuid(),
        new TicketFields(null, TicketChannel.Phone, "ETAX-40002: Error di Service", null, null, null, TicketPriority.Normal, at), Sri, at, rules ?? Rules);

    private static void Move(Ticket ticket, TicketStatus to, DateTimeOffset at) =>
        Assert.Null(ticket.MoveTo(to, to == TicketStatus.Resolved ? "Selesai" : null, Sri, at, Rules));

    [Fact]
    public void ShouldNotPauseAClockThatIsAlreadyBreached()
    {
        var ticket = Open(Wib(11, 27, 16));
        Move(ticket, TicketStatus.Triaged, Wib(11, 30, 9));
        Move(ticket, TicketStatus.InProgress, Wib(11, 30, 9));

        Move(ticket, TicketStatus.WaitingOnClient, Wib(12, 3, 9));

        Assert.Null(ticket.SlaResolutionPausedAt);
        Assert.Equal(Wib(12, 2, 13), ticket.SlaResolutionDueAt);
        Assert.Equal(SlaState.Breached, ticket.Sla.StateAt(Wib(12, 3, 9)));
    }

    [Fact]
    public void ShouldStayBreachedAfterAReopenWhenTheResolutionWasLate()
    {
        var ticket = Open(Wib(11, 27, 16));
        Move(ticket, TicketStatus.Triaged, Wib(11, 30, 9));
        Move(ticket, TicketStatus.InProgress, Wib(11, 30, 9));
        Move(ticket, TicketStatus.Resolved, Wib(12, 3, 9));
        Assert.False(ticket.SlaResolutionMet);

        Move(ticket, TicketStatus.InProgress, Wib(12, 4, 9));
        Move(ticket, TicketStatus.Resolved, Wib(12, 4, 10));

        Assert.False(ticket.SlaResolutionMet);
        Assert.Equal(Wib(12, 4, 10), ticket.SlaResolvedAt);
        // Fri 1 + Mon 9 + Tue 9 + Wed 9 + Thu 9 + Fri 2: the whole time counts, the clock never stopped in time.
        Assert.Equal(39 * 3600, ticket.SlaResolutionUsedSeconds);
    }

    [Fact]
    public void ShouldCountBothWaitsWhenTheTicketWaitsOnTheClientThenOnTheKpp()
    {
        var ticket = Open(Wib(11, 27, 16));
        Move(ticket, TicketStatus.Triaged, Wib(11, 30, 9));
        Move(ticket, TicketStatus.InProgress, Wib(11, 30, 9));
        Move(ticket, TicketStatus.WaitingOnClient, Wib(11, 30, 10));
        Move(ticket, TicketStatus.WaitingOnKpp, Wib(12, 1, 10));

        Move(ticket, TicketStatus.InProgress, Wib(12, 2, 10));

        Assert.Equal(Wib(12, 4, 13), ticket.SlaResolutionDueAt);
        Assert.Equal(SlaState.OnTrack, ticket.Sla.StateAt(Wib(12, 2, 10)));
    }

    [Fact]
    public void ShouldResolveWhilePausedAsMetWithTheTimeUsedBeforeTheWait()
    {
        var ticket = Open(Wib(11, 27, 16));
        Move(ticket, TicketStatus.Triaged, Wib(11, 30, 9));
        Move(ticket, TicketStatus.InProgress, Wib(11, 30, 9));
        Move(ticket, TicketStatus.WaitingOnKpp, Wib(11, 30, 10));

        Move(ticket, TicketStatus.Resolved, Wib(12, 10, 10));

        Assert.True(ticket.SlaResolutionMet);
        Assert.Equal(3 * 3600, ticket.SlaResolutionUsedSeconds);
        Assert.Null(ticket.SlaResolutionPausedAt);
        Assert.Equal(SlaState.Met, ticket.Sla.StateAt(Wib(12, 10, 10)));
    }

    [Fact]
    public void ShouldMoveARunningClockWhenACalendarGainsAHolidayButNotAClockAlreadyBreached()
    {
        var running = Open(Wib(11, 27, 16));
        var late = Open(Wib(11, 20, 16));
        var withHoliday = new BusinessCalendar(Rules.Calendar.Opens, Rules.Calendar.Closes, Rules.Calendar.WorkingDays, [new DateOnly(2026, 12, 1)]);

        Assert.True(running.RecalendarSla(Rules.Calendar, withHoliday, Wib(11, 30, 12)));
        Assert.False(late.RecalendarSla(Rules.Calendar, withHoliday, Wib(11, 30, 12)));

        Assert.Equal(Wib(12, 3, 13), running.SlaResolutionDueAt);
        Assert.Equal(Wib(11, 25, 13), late.SlaResolutionDueAt);
    }
}
