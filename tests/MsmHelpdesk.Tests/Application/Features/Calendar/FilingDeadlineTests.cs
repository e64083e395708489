using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Calendar;
using MsmHelpdesk.Domain.Calendar;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Calendar;

public sealed class FilingDeadlineTests
{
    private static readonly UserIdentity Operator = new("job-operator", "Operator (scheduled job)", Roles.All.ToHashSet());

    /// <summary>08:00 WIB on the given day.</summary>
    private static FakeTimeProvider At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 1, 0, 0, TimeSpan.Zero));

    private static Task<Ticket> TicketAsync(TestApp app, Guid id) =>
        app.QueryDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Id == id));

    [Fact]
    public async Task ShouldRaiseAnUploadTicketToUrgentWhenTheUploadDeadlineIsThreeWorkingDaysAway()
    {
        // Wednesday 16 Dec 2026: the 20th is a Sunday, so the upload is due Monday 21 Dec, the third working day.
        var clock = At(2026, 12, 16);
        await using var app = await TestApp.StartAsync(clock: clock);
        var consultant = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, consultant);

        var created = await Seed.TicketAsync(app, consultant, clientId);
        var ticket = await TicketAsync(app, created.Id);

        Assert.Equal("upload", ticket.DiagnosedScenario);
        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
        var reason = Assert.Single(ticket.Timeline, e => e.Kind == TimelineKind.Reminder && e.Field == Ticket.DeadlineMarker);
        Assert.Contains("Upload dan approval e-Faktur (tanggal 20)", reason.Text, StringComparison.Ordinal);
        Assert.Contains("21 Desember 2026", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldLeaveTheTicketNormalUntilTheDailyCheckFindsTheDeadlineCloseAndRaiseItOnce()
    {
        var clock = At(2026, 12, 1);
        await using var app = await TestApp.StartAsync(clock: clock);
        var consultant = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, consultant);
        var created = await Seed.TicketAsync(app, consultant, clientId);
        var early = await app.SendAsync(Operator, new CheckFilingDeadlinesCommand());

        clock.Advance(TimeSpan.FromDays(16)); // Thursday 17 Dec: the upload is due Monday 21 Dec (2 working days).
        var first = await app.SendAsync(Operator, new CheckFilingDeadlinesCommand());
        var second = await app.SendAsync(Operator, new CheckFilingDeadlinesCommand());

        Assert.Equal(0, early.Value.Raised);
        Assert.Equal((1, 0), (first.Value.Raised, second.Value.Raised));
        var ticket = await TicketAsync(app, created.Id);
        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
        Assert.Single(ticket.Timeline, e => e.Field == Ticket.DeadlineMarker);
    }

    [Fact]
    public async Task ShouldShowTheNextDeadlinesWithTheOpenTicketsThatThreatenThem()
    {
        var clock = At(2026, 12, 1);
        await using var app = await TestApp.StartAsync(clock: clock);
        var consultant = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, consultant);
        var created = await Seed.TicketAsync(app, consultant, clientId);

        var upcoming = (await app.SendAsync(consultant, new GetUpcomingDeadlinesQuery { Count = 3 })).Value;

        Assert.Equal([(TaxFiling.Payment, new DateOnly(2026, 12, 15)), (TaxFiling.InvoiceUpload, new DateOnly(2026, 12, 21)), (TaxFiling.SptMasaPpn, new DateOnly(2026, 12, 31))],
            upcoming.Select(d => (d.Filing, d.DueOn)));
        Assert.Empty(upcoming[0].Tickets);
        Assert.Equal(created.Number, Assert.Single(upcoming[1].Tickets).Number);
    }

    [Theory]
    [InlineData(0, 15, "Month")]
    [InlineData(13, 15, "Month")]
    [InlineData(null, 0, "Day")]
    [InlineData(null, 32, "Day")]
    public async Task ShouldRefuseADeadlineOnADayOrMonthThatDoesNotExist(int? month, int day, string field)
    {
        await using var app = await TestApp.StartAsync();
        var manager = new UserIdentity("m", "Maya", new HashSet<string> { Roles.Manager });

        var result = await app.SendAsync(manager, new SaveTaxDeadlineCommand { Name = "Uji", Filing = TaxFiling.Payment, Month = month, Day = day });

        Assert.True(result.Error!.FieldErrors.ContainsKey(field));
    }

    [Fact]
    public async Task ShouldAuditAChangedDeadline()
    {
        await using var app = await TestApp.StartAsync();
        var manager = new UserIdentity("m", "Maya", new HashSet<string> { Roles.Manager });
        var calendar = (await app.SendAsync(manager, new GetTaxCalendarQuery())).Value;
        var upload = Assert.Single(calendar.Deadlines, d => d.Filing == TaxFiling.InvoiceUpload);

        var saved = await app.SendAsync(manager, new SaveTaxDeadlineCommand { Id = upload.Id, Name = upload.Name, Filing = upload.Filing, Day = 15, Source = upload.Source });
        var after = (await app.SendAsync(manager, new GetTaxCalendarQuery())).Value;

        Assert.True(saved.IsSuccess);
        Assert.Equal(15, Assert.Single(after.Deadlines, d => d.Id == upload.Id).Day);
        var change = Assert.Single(after.Changes);
        Assert.Equal("Maya", change.ActorName);
        Assert.Contains("day 20) → ", change.Description, StringComparison.Ordinal);
    }
}
