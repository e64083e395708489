using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Sections;

/// <summary>
/// The fixture of the "sla" and "kpp-visits" report sections, computed by hand. All times WIB (UTC+7); the
/// business calendar is the default (Mon–Fri 08:00–17:00, no holidays) and the targets the defaults in business
/// hours, first response / resolution: Urgent 1/8, Normal 4/24, Low 8/40. Every SLA outcome below comes from the
/// real clocks: tickets are created, triaged (= first response) and resolved through the mediator on a
/// controlled clock. 2026-09-28, 10-05, 11-02, 11-30 are Mondays.
///
/// Clients: C1 "PT Satu" (KPP Satu, pengurus Budi Santoso), C2 "PT Dua" (KPP Dua, pengurus Sari Dewi).
/// Consultants Ani (A) and Budi (B).
///
///  T7 Urgent C1 B: created 09-28 09:00, triaged 09:20 (20 min ≤ 1h: met, September — outside the range);
///     resolved Thu 10-01 09:00: Mon 09–17 8h + Tue 9h + Wed 9h + Thu 08–09 1h = 27h > 8h → breached (October).
///  T1 Urgent C1 A: created 10-05 09:00, triaged 09:30 (30 min: met); resolved 16:00 (7h ≤ 8h: met). October.
///  T8 Normal C1 A: created 10-05 10:00, triaged 10:30 (met, October); stays InProgress. Resolution due after 24h:
///     Mon 10–17 7h + Tue 9h = 16h, Wed 10-07 08:00 + 8h = 16:00 → open and breached, October.
///  T2 Urgent C1 A: created 10-06 09:00, triaged 11:00 (2h > 1h: breached); resolved 10-07 10:00: 8h + 2h = 10h > 8h
///     → breached. October.
///  T6 Urgent C1 B: created 10-08 09:00, triaged 09:30, resolved 10:00, then its clocks removed as the SLA migration
///     leaves tickets from before SLAs (all Sla* null): counted nowhere.
///  T3 Normal C1 B: created Fri 10-30 16:00, triaged Mon 11-02 10:00 (Fri 1h + Mon 2h = 3h ≤ 4h: met, November — the
///     month answered, not the month created); resolved 11-02 15:00 (1h + 7h = 8h ≤ 24h: met, November).
///  T4 Low C1 B: created 11-02 09:00, triaged 09:10 (met, November); stays InProgress. Resolution due after 40h:
///     Mon 8h + Tue–Thu 27h = 35h, Fri 11-06 08:00 + 5h = 13:00 → open and breached, November.
///  T9 Normal C2 B: created Fri 11-20 09:00, triaged 09:30 (met, November); stays InProgress. Due: Fri 8h + Mon 9h =
///     17h, Tue 11-24 08:00 + 7h = 15:00 → open and breached, November.
///  T5 Normal C1 B: created Thu 11-26 09:00, still New. First response due 13:00 → overdue, November. Resolution due:
///     Thu 8h + Fri 9h = 17h, Mon 11-30 08:00 + 7h = 15:00: not yet passed at 10:00 → not breached.
///
/// Visits (on T8, Ani's; on T9, Budi's — the visit's consultant defaults to the ticket's):
///  V1 T8 10-14 09:00 KPP Satu: certificate issued (recorded 10-14 12:00). October.
///  V2 T8 10-20 09:00 KPP Satu: rescheduled on 10-19 to V3 11-03 09:00 → V2 Rescheduled, October.
///  V3 T8 11-03 09:00 KPP Satu: refused (recorded 11-03 12:00). November.
///  V4 T9 12-02 09:00 KPP Dua: scheduled, after the range.
///  V5 T9 11-27 09:00 KPP Dua: scheduled, no outcome recorded. November.
///  V6 T9 11-25 09:00 at "KPP Madya Dua" (not the client's KPP): cancelled on 11-21. November.
///
/// Report: now Mon 2026-11-30 10:00, range 2026-10-01 … 2026-11-29 (months October, November clipped at the 29th).
/// </summary>
internal sealed class SlaAndVisitFixture : IAsyncDisposable
{
    public required TestApp App { get; init; }
    public required UserIdentity Manager { get; init; }
    public required UserIdentity Ani { get; init; }
    public required Guid C2 { get; init; }

    public async Task<ReportTable> SectionAsync(ReportFilter filter, string section)
    {
        var result = await App.SendAsync(Manager, new GetReportQuery { Filter = filter, Sections = [section] });
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Error!.Message);
        return Assert.Single(result.Value.Tables);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    internal static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    internal static readonly DateTimeOffset Now = At(11, 30, 10);
    internal static readonly ReportFilter FixtureRange = new() { From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 29) };

    internal static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Wib);

    internal static async Task<SlaAndVisitFixture> ArrangeAsync(string? directory = null)
    {
        var clock = new FakeTimeProvider(At(9, 1, 8));
        var app = await TestApp.StartAsync(directory, clock: clock);
        var ani = await Seed.ConsultantAsync(app, "ani@msm.co.id", "Ani");
        var budi = await Seed.ConsultantAsync(app, "budi@msm.co.id", "Budi");
        var managerId = (await app.Identity.CreateUserAsync(new MsmHelpdesk.Application.Common.Identity.NewUser("mira@msm.co.id", "Mira", "Manajer2026x", [Roles.Manager]), CancellationToken.None)).Value;
        var manager = new UserIdentity(managerId, "Mira", new HashSet<string> { Roles.Manager });
        var admin = TestCurrentUser.With("admin", [Roles.Admin]);

        async Task<Guid> ClientAsync(string name, string npwp, string kpp, string officer) =>
            (await app.SendAsync(admin, new CreateClientCommand
            {
                Name = name, Npwp = npwp, Kpp = kpp, Officers = [new OfficerInput { Name = officer, Position = "Direktur Utama" }],
            })).Value;

        var c1 = await ClientAsync("PT Satu", "01.234.567.4-901.000", "KPP Satu", "Budi Santoso");
        var c2 = await ClientAsync("PT Dua", "02.123.456.2-011.001", "KPP Dua", "Sari Dewi");

        async Task<Guid> CreateAsync(DateTimeOffset at, Guid client, UserIdentity assignee, TicketPriority priority)
        {
            clock.SetUtcNow(at);
            var created = await app.SendAsync(assignee, new CreateTicketCommand
            {
                ClientId = client, ErrorText = "ETAX-40002: Error di Service", AssigneeId = assignee.UserId, Priority = priority,
            });
            Assert.True(created.IsSuccess, created.IsSuccess ? "" : created.Error!.Message);
            return created.Value.Id;
        }

        async Task MoveAsync(DateTimeOffset at, Guid ticket, UserIdentity by, params TicketStatus[] path)
        {
            clock.SetUtcNow(at);
            foreach (var to in path)
            {
                if (to == TicketStatus.Resolved)
                {
                    await Seed.FinishStepsAsync(app, by, ticket);
                }

                var moved = await app.SendAsync(by, new ChangeTicketStatusCommand { TicketId = ticket, To = to, ResolutionSummary = to == TicketStatus.Resolved ? "Selesai." : null });
                Assert.True(moved.IsSuccess, moved.IsSuccess ? "" : moved.Error!.Message);
            }
        }

        async Task<Guid> ScheduleAsync(DateTimeOffset now, Guid ticket, UserIdentity by, DateTimeOffset visitAt, string officer, string? kpp = null)
        {
            clock.SetUtcNow(now);
            var wib = visitAt.ToOffset(Wib);
            var visit = await app.SendAsync(by, new ScheduleKppVisitCommand
            {
                TicketId = ticket, Date = DateOnly.FromDateTime(wib.DateTime), Time = TimeOnly.FromDateTime(wib.DateTime), OfficerName = officer, Kpp = kpp,
            });
            Assert.True(visit.IsSuccess, visit.IsSuccess ? "" : visit.Error!.Message);
            return visit.Value;
        }

        async Task OutcomeAsync(DateTimeOffset now, Guid visit, UserIdentity by, RecordKppVisitOutcomeCommand outcome)
        {
            clock.SetUtcNow(now);
            var recorded = await app.SendAsync(by, outcome with { VisitId = visit });
            Assert.True(recorded.IsSuccess, recorded.IsSuccess ? "" : recorded.Error!.Message);
        }

        TicketStatus[] work = [TicketStatus.Triaged, TicketStatus.InProgress];
        var t7 = await CreateAsync(At(9, 28, 9), c1, budi, TicketPriority.Urgent);
        await MoveAsync(At(9, 28, 9, 20), t7, budi, work);
        await MoveAsync(At(10, 1, 9), t7, budi, TicketStatus.Resolved);
        var t1 = await CreateAsync(At(10, 5, 9), c1, ani, TicketPriority.Urgent);
        await MoveAsync(At(10, 5, 9, 30), t1, ani, work);
        var t8 = await CreateAsync(At(10, 5, 10), c1, ani, TicketPriority.Normal);
        await MoveAsync(At(10, 5, 10, 30), t8, ani, work);
        var v1 = await ScheduleAsync(At(10, 5, 11), t8, ani, At(10, 14, 9), "Budi Santoso");
        await MoveAsync(At(10, 5, 16), t1, ani, TicketStatus.Resolved);
        var t2 = await CreateAsync(At(10, 6, 9), c1, ani, TicketPriority.Urgent);
        await MoveAsync(At(10, 6, 11), t2, ani, work);
        await MoveAsync(At(10, 7, 10), t2, ani, TicketStatus.Resolved);
        var t6 = await CreateAsync(At(10, 8, 9), c1, budi, TicketPriority.Urgent);
        await MoveAsync(At(10, 8, 9, 30), t6, budi, work);
        await MoveAsync(At(10, 8, 10), t6, budi, TicketStatus.Resolved);
        await OutcomeAsync(At(10, 14, 12), v1, ani, new() { Outcome = KppVisitOutcome.CertificateIssued, CertificateIssuedOn = new DateOnly(2026, 10, 14) });
        var v2 = await ScheduleAsync(At(10, 14, 12, 30), t8, ani, At(10, 20, 9), "Budi Santoso");
        await OutcomeAsync(At(10, 19, 10), v2, ani, new()
        {
            Outcome = KppVisitOutcome.Rescheduled, Reason = "Direktur dinas luar kota.", NewDate = new DateOnly(2026, 11, 3), NewTime = new TimeOnly(9, 0),
        });
        var v3 = await app.QueryDbAsync(db => db.KppVisits.Where(v => v.RescheduledFromId == v2).Select(v => v.Id).SingleAsync());
        var t3 = await CreateAsync(At(10, 30, 16), c1, budi, TicketPriority.Normal);
        var t4 = await CreateAsync(At(11, 2, 9), c1, budi, TicketPriority.Low);
        await MoveAsync(At(11, 2, 9, 10), t4, budi, work);
        await MoveAsync(At(11, 2, 10), t3, budi, work);
        await MoveAsync(At(11, 2, 15), t3, budi, TicketStatus.Resolved);
        await OutcomeAsync(At(11, 3, 12), v3, ani, new() { Outcome = KppVisitOutcome.Refused, Reason = "Masih ada tunggakan pajak." });
        var t9 = await CreateAsync(At(11, 20, 9), c2, budi, TicketPriority.Normal);
        await MoveAsync(At(11, 20, 9, 30), t9, budi, work);
        await ScheduleAsync(At(11, 20, 10), t9, budi, At(12, 2, 9), "Sari Dewi");
        await ScheduleAsync(At(11, 20, 10), t9, budi, At(11, 27, 9), "Sari Dewi");
        var v6 = await ScheduleAsync(At(11, 20, 10), t9, budi, At(11, 25, 9), "Sari Dewi", kpp: "KPP Madya Dua");
        await OutcomeAsync(At(11, 21, 10), v6, budi, new() { Outcome = KppVisitOutcome.Cancelled, Reason = "Klien memperpanjang lewat kantor pusat." });
        await CreateAsync(At(11, 26, 9), c1, budi, TicketPriority.Normal);

        // T6 as a ticket from before SLAs: no clocks at all.
        await app.QueryDbAsync(db => db.Tickets.Where(t => t.Id == t6).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.SlaFirstResponseTargetMinutes, (int?)null).SetProperty(t => t.SlaFirstResponseDueAt, (DateTimeOffset?)null)
            .SetProperty(t => t.SlaFirstResponseAtRiskAt, (DateTimeOffset?)null).SetProperty(t => t.SlaFirstRespondedAt, (DateTimeOffset?)null)
            .SetProperty(t => t.SlaFirstResponseMet, (bool?)null).SetProperty(t => t.SlaFirstResponseUsedSeconds, (int?)null)
            .SetProperty(t => t.SlaResolutionTargetMinutes, (int?)null).SetProperty(t => t.SlaResolutionDueAt, (DateTimeOffset?)null)
            .SetProperty(t => t.SlaResolutionAtRiskAt, (DateTimeOffset?)null).SetProperty(t => t.SlaResolutionUsedSeconds, (int?)null)
            .SetProperty(t => t.SlaResolvedAt, (DateTimeOffset?)null).SetProperty(t => t.SlaResolutionMet, (bool?)null)));

        // That write went around the DbContext's save, as the SLA migration did: the report totals are rebuilt from
        // the tickets, as the first start after the totals' migration does.
        await app.QueryDbAsync(db => TallyStore.RebuildAsync(db, CancellationToken.None));

        clock.SetUtcNow(Now);
        return new SlaAndVisitFixture { App = app, Manager = manager, Ani = ani, C2 = c2 };
    }

    internal static object?[] Row(params object?[] values) => values;

    internal static void AssertRows(ReportTable table, params object?[][] expected) =>
        Assert.Equal(expected.Select(r => string.Join(" | ", r.Select(ReportTable.Text))), table.Rows.Select(r => string.Join(" | ", r.Select(ReportTable.Text))));
}
