using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Sla;

/// <summary>
/// SLA clocks through the real pipeline and database with a controlled clock. Default calendar Mon–Fri
/// 08:00–17:00 WIB; Normal = 4 h first response, 24 h resolution. 2026-11-27 is a Friday.
/// </summary>
public sealed class SlaTests
{
    private static readonly UserIdentity Admin = TestCurrentUser.With("admin-1", Roles.Admin);

    public SlaTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    /// <summary>A WIB wall-clock time as the UTC instant the app stores (the fake clock must hand out UTC, as the system clock does).</summary>
    private static DateTimeOffset Wib(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private static async Task<(UserIdentity Budi, Guid Client)> ArrangeAsync(TestApp app)
    {
        // These dates sit near month-end filings; the SLA rules are tested without the tax calendar's raise to Urgent.
        await Seed.NoTaxDeadlinesAsync(app);
        var budi = await Seed.ConsultantAsync(app);
        return (budi, await Seed.ClientAsync(app, budi));
    }

    private static Task<Ticket> TicketAsync(TestApp app, Guid id) => app.QueryDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));

    private static async Task MoveAsync(TestApp app, UserIdentity sender, Guid id, TicketStatus to, string? summary = null)
    {
        var result = await app.SendAsync(sender, new ChangeTicketStatusCommand { TicketId = id, To = to, ResolutionSummary = summary });
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task ShouldBeDueMondayElevenForATicketCreatedFridayAtFour()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);

        var created = await Seed.TicketAsync(app, budi, client);
        var ticket = await TicketAsync(app, created.Id);

        Assert.Equal(Wib(11, 30, 11), ticket.SlaFirstResponseDueAt);
        Assert.Equal(Wib(11, 30, 10), ticket.SlaFirstResponseAtRiskAt);
        Assert.Equal(Wib(12, 2, 13), ticket.SlaResolutionDueAt);
        Assert.Equal(Wib(12, 1, 16), ticket.SlaResolutionAtRiskAt);
        Assert.Equal(240, ticket.SlaFirstResponseTargetMinutes);
        Assert.Equal(1440, ticket.SlaResolutionTargetMinutes);
    }

    [Fact]
    public async Task ShouldPushTheDueTimeToTuesdayWhenMondayIsAHoliday()
    {
        var clock = new FakeTimeProvider(Wib(11, 20, 9));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var saved = await app.SendAsync(Admin, new SaveHolidayCommand { Date = new DateOnly(2026, 11, 30), Name = "Libur uji" });
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        clock.SetUtcNow(Wib(11, 27, 16));

        var ticket = await TicketAsync(app, (await Seed.TicketAsync(app, budi, client)).Id);

        Assert.Equal(Wib(12, 1, 11), ticket.SlaFirstResponseDueAt);
        Assert.Equal(Wib(12, 3, 13), ticket.SlaResolutionDueAt);
    }

    [Fact]
    public async Task ShouldMoveAnOpenTicketsDueTimeWhenAHolidayIsAddedAndBackWhenItIsDeleted()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var id = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 27, 16, 30));

        var holiday = await app.SendAsync(Admin, new SaveHolidayCommand { Date = new DateOnly(2026, 11, 30), Name = "Libur mendadak" });
        var moved = await TicketAsync(app, id);
        var deleted = await app.SendAsync(Admin, new DeleteHolidayCommand { Id = holiday.Value });
        var back = await TicketAsync(app, id);

        Assert.True(deleted.IsSuccess);
        Assert.Equal(Wib(12, 1, 11), moved.SlaFirstResponseDueAt);
        Assert.Equal(Wib(12, 3, 13), moved.SlaResolutionDueAt);
        Assert.Equal(Wib(11, 30, 11), back.SlaFirstResponseDueAt);
        Assert.Equal(Wib(12, 2, 13), back.SlaResolutionDueAt);
    }

    [Fact]
    public async Task ShouldMoveTheResolutionDueTimeByExactlyTheBusinessTimeSpentWaitingOnTheClient()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var id = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 9));
        await MoveAsync(app, budi, id, TicketStatus.Triaged);
        await MoveAsync(app, budi, id, TicketStatus.InProgress);

        clock.SetUtcNow(Wib(11, 30, 10));
        await MoveAsync(app, budi, id, TicketStatus.WaitingOnClient);
        var paused = await TicketAsync(app, id);
        var pausedState = (await app.SendAsync(budi, new GetTicketSlaQuery { TicketId = id })).Value;
        clock.SetUtcNow(Wib(12, 2, 10));
        await MoveAsync(app, budi, id, TicketStatus.InProgress);
        var resumed = await TicketAsync(app, id);

        Assert.Null(paused.SlaResolutionDueAt);
        Assert.Equal(3 * 3600, paused.SlaResolutionUsedSeconds);
        Assert.Equal(SlaState.Paused, pausedState.State);
        Assert.Equal(TimeSpan.FromHours(21), pausedState.PausedRemaining);

        // Due Wednesday 13:00 without the wait; the wait held 18 business hours (Mon 7 + Tue 9 + Wed 2): Friday 13:00.
        Assert.Equal(Wib(12, 4, 13), resumed.SlaResolutionDueAt);
        Assert.Null(resumed.SlaResolutionPausedAt);
    }

    [Fact]
    public async Task ShouldRecordFirstResponseAndResolutionOutcomesForReports()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var late = (await Seed.TicketAsync(app, budi, client)).Id;
        var onTime = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 10, 30));
        await MoveAsync(app, budi, onTime, TicketStatus.Triaged);
        clock.SetUtcNow(Wib(11, 30, 11, 30));
        await MoveAsync(app, budi, late, TicketStatus.Triaged);
        await MoveAsync(app, budi, onTime, TicketStatus.InProgress);
        await MoveAsync(app, budi, onTime, TicketStatus.Resolved, "Sertifikat diperbarui");
        clock.SetUtcNow(Wib(12, 3, 9));
        await MoveAsync(app, budi, late, TicketStatus.InProgress);
        await MoveAsync(app, budi, late, TicketStatus.Resolved, "Sertifikat diperbarui");

        var a = await TicketAsync(app, onTime);
        var b = await TicketAsync(app, late);

        Assert.True(a.SlaFirstResponseMet);
        Assert.Equal(Wib(11, 30, 10, 30), a.SlaFirstRespondedAt);
        Assert.Equal((int)TimeSpan.FromHours(3.5).TotalSeconds, a.SlaFirstResponseUsedSeconds);
        Assert.True(a.SlaResolutionMet);
        Assert.Equal(Wib(11, 30, 11, 30), a.SlaResolvedAt);
        Assert.False(b.SlaFirstResponseMet);
        Assert.False(b.SlaResolutionMet);
        Assert.Equal((int)TimeSpan.FromHours(1 + 9 + 9 + 9 + 1).TotalSeconds, b.SlaResolutionUsedSeconds);

        // What the reports helper will count per month, in SQL.
        var monthly = await app.QueryDbAsync(db => db.Tickets
            .Where(t => t.SlaResolvedAt != null)
            .GroupBy(t => t.SlaResolutionMet)
            .Select(g => new { Met = g.Key, Count = g.Count() })
            .ToListAsync());
        Assert.Equal(1, monthly.Single(m => m.Met == true).Count);
        Assert.Equal(1, monthly.Single(m => m.Met == false).Count);
    }

    [Fact]
    public async Task ShouldResumeWithTheTimeUsedWhenAResolvedTicketIsReopened()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var id = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 9));
        await MoveAsync(app, budi, id, TicketStatus.Triaged);
        await MoveAsync(app, budi, id, TicketStatus.InProgress);
        await MoveAsync(app, budi, id, TicketStatus.Resolved, "Selesai");
        clock.SetUtcNow(Wib(12, 7, 9));
        await MoveAsync(app, budi, id, TicketStatus.Closed);

        await MoveAsync(app, budi, id, TicketStatus.InProgress);
        var reopened = await TicketAsync(app, id);

        // 2 h used before the resolution, 22 h left from Monday 7 December 09:00: Mon 8, Tue 9, Wed 5 → Wed 13:00.
        Assert.Equal(Wib(12, 9, 13), reopened.SlaResolutionDueAt);
        Assert.Null(reopened.SlaResolutionMet);
        Assert.Null(reopened.SlaResolvedAt);
        Assert.True(reopened.SlaFirstResponseMet);
    }

    [Fact]
    public async Task ShouldKeepTheUsedTimeWhenThePriorityChanges()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var id = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 9));
        var before = await TicketAsync(app, id);

        var updated = await app.SendAsync(budi, new UpdateTicketCommand
        {
            TicketId = id,
            ExpectedVersion = before.Version,
            ErrorText = before.ErrorText,
            Activity = before.Activity,
            Priority = TicketPriority.Urgent,
            ReportedAt = before.ReportedAt,
            Channel = before.Channel,
        });
        var after = await TicketAsync(app, id);

        Assert.True(updated.IsSuccess, updated.Error?.Message);
        // 2 business hours used (Fri 16–17, Mon 08–09): Urgent's 1 h first response is breached from now,
        // its 8 h resolution has 6 h left → Monday 15:00.
        Assert.Equal(Wib(11, 30, 9), after.SlaFirstResponseDueAt);
        Assert.Equal(Wib(11, 30, 15), after.SlaResolutionDueAt);
        Assert.Equal(480, after.SlaResolutionTargetMinutes);
        Assert.Equal(SlaState.Breached, (await app.SendAsync(budi, new GetTicketSlaQuery { TicketId = id })).Value.State);
    }

    [Fact]
    public async Task ShouldMeasureTimeToDiagnosisToTheConfirmationThatStands()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var id = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 9));
        await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = id, Scenario = "upload", Cause = "expired-certificate" });
        clock.SetUtcNow(Wib(11, 30, 14));
        await app.SendAsync(budi, new ConfirmDiagnosisCommand { TicketId = id, Scenario = "upload", Cause = "corrupt-certificate" });

        var ticket = await TicketAsync(app, id);

        // A correction replaces a wrong diagnosis: the time counts to the cause the ticket ends up with.
        Assert.Equal(Wib(11, 30, 14), ticket.ConfirmedAt);
        Assert.Equal("corrupt-certificate", ticket.DiagnosedCause);
        Assert.Equal((long)(Wib(11, 30, 14) - Wib(11, 27, 16)).TotalSeconds, ticket.DiagnosisSeconds);
    }

    [Fact]
    public async Task ShouldFilterTheListBySlaStateInSqlAndAgreeWithTheChip()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var breached = (await Seed.TicketAsync(app, budi, client)).Id;
        var paused = (await Seed.TicketAsync(app, budi, client)).Id;
        var met = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 9));
        foreach (var id in new[] { paused, met })
        {
            await MoveAsync(app, budi, id, TicketStatus.Triaged);
            await MoveAsync(app, budi, id, TicketStatus.InProgress);
        }

        await MoveAsync(app, budi, paused, TicketStatus.WaitingOnKpp);
        await MoveAsync(app, budi, met, TicketStatus.Resolved, "Selesai");
        clock.SetUtcNow(Wib(11, 30, 9, 45));
        var atRisk = (await Seed.TicketAsync(app, budi, client)).Id;
        clock.SetUtcNow(Wib(11, 30, 13, 0));
        var onTrack = (await Seed.TicketAsync(app, budi, client)).Id;
        var legacy = (await Seed.TicketAsync(app, budi, client)).Id;
        await app.QueryDbAsync(db => db.Tickets.Where(t => t.Id == legacy).ExecuteUpdateAsync(set => set.SetProperty(t => t.SlaResolutionTargetMinutes, (int?)null)));
        var expected = new Dictionary<SlaState, Guid>
        {
            [SlaState.Breached] = breached,
            [SlaState.Paused] = paused,
            [SlaState.Met] = met,
            [SlaState.AtRisk] = atRisk,
            [SlaState.OnTrack] = onTrack,
            [SlaState.None] = legacy,
        };

        foreach (var (state, id) in expected)
        {
            var page = (await app.SendAsync(budi, new ListTicketsQuery { Queue = TicketQueue.All, SlaStates = [state] })).Value;

            Assert.Equal(id, Assert.Single(page.Items).Id);
            Assert.Equal(state, page.Items[0].Sla);
            Assert.Equal(state, (await app.SendAsync(budi, new GetTicketSlaQuery { TicketId = id })).Value.State);
        }

        var both = (await app.SendAsync(budi, new ListTicketsQuery { Queue = TicketQueue.All, SlaStates = [SlaState.AtRisk, SlaState.Breached] })).Value;
        Assert.Equal(new[] { atRisk, breached }.Order(), both.Items.Select(row => row.Id).Order());
    }

    [Fact]
    public async Task ShouldDecideEveryStateInSqlExactlyAsTheDomainDoesAtAnyInstant()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await Seed.TicketAsync(app, budi, client)).Id);
        }

        clock.SetUtcNow(Wib(11, 30, 9));
        foreach (var id in ids.Skip(1))
        {
            await MoveAsync(app, budi, id, TicketStatus.Triaged);
            await MoveAsync(app, budi, id, TicketStatus.InProgress);
        }

        await MoveAsync(app, budi, ids[2], TicketStatus.WaitingOnClient);
        await MoveAsync(app, budi, ids[3], TicketStatus.Resolved, "Selesai");
        clock.SetUtcNow(Wib(12, 3, 9));
        await MoveAsync(app, budi, ids[4], TicketStatus.Resolved, "Terlambat");
        await MoveAsync(app, budi, ids[5], TicketStatus.WaitingOnKpp);

        var tickets = await app.QueryDbAsync(db => db.Tickets.AsNoTracking().ToListAsync());
        for (var at = Wib(11, 27, 15); at <= Wib(12, 8, 18); at = at.AddMinutes(210))
        {
            var now = at;
            foreach (var state in Enum.GetValues<SlaState>())
            {
                var inSql = await app.QueryDbAsync(db => db.Tickets.Where(SlaQueries.InState(state, now)).Select(t => t.Id).ToListAsync());
                var inDomain = tickets.Where(t => t.Sla.StateAt(now) == state).Select(t => t.Id);

                Assert.True(inDomain.Order().SequenceEqual(inSql.Order()), $"{state} at {now:O}");
            }
        }
    }

    [Fact]
    public async Task ShouldEscalateOncePerManagerEvenWhenRunTwiceAndAcrossARestart()
    {
        var directory = TestPaths.NewTempDirectory();
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        var notifier = new TestNotifier();
        Guid id;
        string number;
        string[] managers;
        var app = await TestApp.StartAsync(directory, clock, notifier: notifier);
        try
        {
            var (budi, client) = await ArrangeAsync(app);
            managers = await ManagersAsync(app, "m1@msm.co.id", "m2@msm.co.id");
            var retired = (await app.Identity.CreateUserAsync(new NewUser("m3@msm.co.id", "Mantan", "Konsultan2026", [Roles.Manager]), CancellationToken.None)).Value;
            await app.Identity.SetActiveAsync(retired, false, CancellationToken.None);
            var created = await Seed.TicketAsync(app, budi, client);
            (id, number) = (created.Id, created.Number);

            clock.SetUtcNow(Wib(11, 30, 10, 30));
            var first = await EscalateAsync(app);
            var again = await EscalateAsync(app);
            Assert.Equal((1, 2), (first.Escalations, first.Notices));
            Assert.Equal((0, 0), (again.Escalations, again.Notices));

            clock.SetUtcNow(Wib(11, 30, 11, 30));
            var breached = await EscalateAsync(app);
            Assert.Equal((1, 2), (breached.Escalations, breached.Notices));
        }
        finally
        {
            await app.DisposeAsync();
        }

        // The host restarts: what was sent is in the database, not in memory.
        await using (var restarted = await TestApp.StartAsync(directory, clock, notifier: notifier))
        {
            Assert.Equal((0, 0), ((await EscalateAsync(restarted)).Escalations, 0));
            clock.SetUtcNow(Wib(12, 1, 16, 30));
            var resolutionAtRisk = await EscalateAsync(restarted);
            Assert.Equal((1, 2), (resolutionAtRisk.Escalations, resolutionAtRisk.Notices));
            var rows = await restarted.QueryDbAsync(db => db.SlaEscalations.Where(e => e.TicketId == id).Select(e => e.Clock + "/" + e.State).ToListAsync());
            Assert.Equal(["FirstResponse/AtRisk", "FirstResponse/Breached", "Resolution/AtRisk"], rows.Order());
        }

        Assert.Equal(6, notifier.Calls.Count);
        Assert.Equal(
            managers.SelectMany(m => new[] { $"{m}|sla-at-risk:{id}:first-response", $"{m}|sla-breached:{id}:first-response", $"{m}|sla-at-risk:{id}:resolution" }).Order(),
            notifier.Calls.Select(call => $"{call.UserId}|{call.Notice.Key}").Order());
        Assert.All(notifier.Calls, call => Assert.Equal($"/tickets/{number}", call.Notice.Link));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ShouldFinishAnEscalationInterruptedByACrashWithoutSayingItTwice()
    {
        var directory = TestPaths.NewTempDirectory();
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        var notifier = new TestNotifier { FailAfter = 1 };
        string[] managers;
        Guid id;
        await using (var app = await TestApp.StartAsync(directory, clock, notifier: notifier))
        {
            var (budi, client) = await ArrangeAsync(app);
            managers = await ManagersAsync(app, "m1@msm.co.id", "m2@msm.co.id");
            id = (await Seed.TicketAsync(app, budi, client)).Id;
            clock.SetUtcNow(Wib(11, 30, 12));

            var crashed = await app.SendAsync(Admin, new EscalateSlaCommand());

            Assert.False(crashed.IsSuccess);
            Assert.Equal(0, await app.QueryDbAsync(db => db.SlaEscalations.CountAsync()));
        }

        notifier.FailAfter = null;
        await using (var restarted = await TestApp.StartAsync(directory, clock, notifier: notifier))
        {
            var finished = await EscalateAsync(restarted);
            var nothingLeft = await EscalateAsync(restarted);

            // The manager told before the crash is asked again, and the notifier's key makes that harmless.
            Assert.Equal(1, finished.Escalations);
            Assert.Equal(1, finished.Notices);
            Assert.Equal(0, nothingLeft.Escalations);
        }

        Assert.Equal(managers.Select(m => (m, $"sla-breached:{id}:first-response")).Order(), notifier.Delivered.Order());
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ShouldValidateSettingsNextToTheirFields()
    {
        await using var app = await TestApp.StartAsync();

        var policy = await app.SendAsync(Admin, new UpdateSlaPolicyCommand { Priority = TicketPriority.High, FirstResponseHours = 5, ResolutionHours = 2 });
        var zero = await app.SendAsync(Admin, new UpdateSlaPolicyCommand { Priority = TicketPriority.High, FirstResponseHours = 0, ResolutionHours = 2 });
        var hours = await app.SendAsync(Admin, new UpdateWorkingHoursCommand { Opens = new(17, 0), Closes = new(8, 0), WorkingDays = [] });
        var holiday = await app.SendAsync(Admin, new SaveHolidayCommand { Name = " " });

        Assert.Contains(nameof(UpdateSlaPolicyCommand.ResolutionHours), policy.Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(UpdateSlaPolicyCommand.FirstResponseHours), zero.Error!.FieldErrors!.Keys);
        Assert.Equal([nameof(UpdateWorkingHoursCommand.Closes), nameof(UpdateWorkingHoursCommand.WorkingDays)], hours.Error!.FieldErrors!.Keys.Order());
        Assert.Equal([nameof(SaveHolidayCommand.Date), nameof(SaveHolidayCommand.Name)], holiday.Error!.FieldErrors!.Keys.Order());
        Assert.Empty(await app.QueryDbAsync(db => db.SlaPolicies.ToListAsync()));
    }

    [Fact]
    public async Task ShouldApplyAnEditedPolicyToNewTicketsAndAuditWhoChangedIt()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        var (budi, client) = await ArrangeAsync(app);
        var sri = TestCurrentUser.With("mgr-1", Roles.Manager) with { DisplayName = "Sri" };

        var saved = await app.SendAsync(sri, new UpdateSlaPolicyCommand { Priority = TicketPriority.Normal, FirstResponseHours = 1.5m, ResolutionHours = 9 });
        var ticket = await TicketAsync(app, (await Seed.TicketAsync(app, budi, client)).Id);
        var settings = (await app.SendAsync(sri, new GetSlaSettingsQuery())).Value;

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Equal(Wib(11, 30, 8, 30), ticket.SlaFirstResponseDueAt);
        Assert.Equal(Wib(11, 30, 16), ticket.SlaResolutionDueAt);
        var normal = settings.Policies.Single(p => p.Priority == TicketPriority.Normal);
        Assert.Equal((1.5m, 9m, "Sri"), (normal.FirstResponseHours, normal.ResolutionHours, normal.UpdatedByName));
        var change = Assert.Single(settings.Changes);
        Assert.Equal("Sri", change.ActorName);
        Assert.Equal("policy Normal: first response 240 → 90 min, resolution 1440 → 540 min", change.Description);
    }

    [Fact]
    public async Task ShouldImportAYearOfHolidaysOnceAndRefuseBadLinesWithoutSavingAny()
    {
        var clock = new FakeTimeProvider(Wib(11, 27, 16));
        await using var app = await TestApp.StartAsync(clock: clock);
        const string list = "# SKB 3 Menteri (contoh)\n2027-01-01 Tahun Baru Masehi\n2027-03-10;Idul Fitri\n2027-03-11\tIdul Fitri (hari kedua)\n";

        var bad = await app.SendAsync(Admin, new ImportHolidaysCommand { Year = 2027, Text = list + "2026-12-25 Natal\n27-05-2027 Waisak\n" });
        var first = await app.SendAsync(Admin, new ImportHolidaysCommand { Year = 2027, Text = list });
        var second = await app.SendAsync(Admin, new ImportHolidaysCommand { Year = 2027, Text = list });
        var view = (await app.SendAsync(Admin, new GetSlaSettingsQuery { Year = 2027 })).Value;

        Assert.Equal(2, bad.Error!.FieldErrors![nameof(ImportHolidaysCommand.Text)].Length);
        Assert.StartsWith("Baris 5:", bad.Error.FieldErrors[nameof(ImportHolidaysCommand.Text)][0], StringComparison.Ordinal);
        Assert.Equal(3, first.Value);
        Assert.Equal(0, second.Value);
        Assert.Equal(["Tahun Baru Masehi", "Idul Fitri", "Idul Fitri (hari kedua)"], view.Holidays.Select(h => h.Name));
    }

    [Fact]
    public async Task ShouldRefuseConsultantsEditingPoliciesHolidaysAndHours()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var results = new Result[]
        {
            await app.SendAsync(budi, new UpdateSlaPolicyCommand { Priority = TicketPriority.Low, FirstResponseHours = 1, ResolutionHours = 2 }),
            await app.SendAsync(budi, new SaveHolidayCommand { Date = new DateOnly(2026, 12, 25), Name = "Natal" }),
            await app.SendAsync(budi, new DeleteHolidayCommand { Id = Guid.NewGuid() }),
            await app.SendAsync(budi, new UpdateWorkingHoursCommand { WorkingDays = [DayOfWeek.Monday] }),
            await app.SendAsync(budi, new ImportHolidaysCommand { Year = 2026, Text = "2026-12-25 Natal" }),
            await app.SendAsync(budi, new GetSlaSettingsQuery()),
            await app.SendAsync(budi, new EscalateSlaCommand()),
        };

        Assert.All(results, result => Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind));
        Assert.Empty(await app.QueryDbAsync(db => db.Holidays.ToListAsync()));
    }

    private static async Task<string[]> ManagersAsync(TestApp app, params string[] emails)
    {
        var ids = new List<string>();
        foreach (var email in emails)
        {
            ids.Add((await app.Identity.CreateUserAsync(new NewUser(email, email, "Konsultan2026", [Roles.Manager]), CancellationToken.None)).Value);
        }

        return [.. ids];
    }

    private static async Task<SlaEscalationOutcome> EscalateAsync(TestApp app)
    {
        var result = await app.SendAsync(Admin, new EscalateSlaCommand());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
