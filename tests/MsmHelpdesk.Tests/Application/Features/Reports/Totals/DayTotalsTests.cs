using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Totals;

/// <summary>
/// Day-resolution totals: two years of generated tickets (status moves, reassignments, reopenings, resolutions
/// across WIB day and month ends), written through the commands so the interceptor keeps the totals; every section
/// read from the totals equals the same section computed from the tickets, for ranges of whole months, partial
/// months, single days and two years.
/// </summary>
public sealed class DayTotalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 10, 0, 0, Wib);

    [Fact]
    public async Task ShouldAnswerEveryRangeOfDaysFromTheTotalsAsTheTicketsWould()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(clock: clock);
        var ani = await Seed.ConsultantAsync(app, "ani@msm.co.id", "Ani");
        var budi = await Seed.ConsultantAsync(app, "budi@msm.co.id", "Budi");
        var admin = TestCurrentUser.With("admin", [Roles.Admin]);
        var clients = new List<Guid>();
        foreach (var (name, npwp, kpp) in new[] { ("PT Satu", "01.234.567.4-901.000", "KPP Satu"), ("PT Dua", "02.123.456.2-011.001", "KPP Dua"), ("PT Tiga", "01.765.432.8-402.000", "KPP Satu") })
        {
            clients.Add((await app.SendAsync(admin, new CreateClientCommand { Name = name, Npwp = npwp, Kpp = kpp })).Value);
        }

        var ids = new Dictionary<int, Guid>();
        await RunAsync(app, clock, Generate(clients, [ani, budi], ids), ids);
        clock.SetUtcNow(Now);

        var databases = app.Services.GetRequiredService<IAppDbContextFactory>();
        ReportFilter[] ranges =
        [
            new() { From = new DateOnly(2024, 12, 11), To = new DateOnly(2026, 12, 10) }, // two years, both ends partial
            new() { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) },   // whole months only
            new() { From = new DateOnly(2025, 3, 17), To = new DateOnly(2025, 6, 9) },    // partial months at both ends
            new() { From = new DateOnly(2025, 1, 31), To = new DateOnly(2025, 3, 1) },    // a month's last day, a whole month, a month's first day
            new() { From = new DateOnly(2025, 5, 5), To = new DateOnly(2025, 5, 20) },    // inside one month
            new() { From = new DateOnly(2025, 4, 30), To = new DateOnly(2025, 4, 30) },   // one day
            new(),                                                                        // the default: last 90 days
        ];
        var filters = new Func<ReportFilter, ReportFilter>[]
        {
            r => r, r => r with { ErrorCode = "ETAX-40002" }, r => r with { Channel = TicketChannel.Email }, r => r with { AssigneeId = budi.UserId },
        };
        foreach (var filter in ranges.SelectMany(range => filters.Select(apply => apply(range))))
        {
            var stored = await GetReportHandler.BuildAsync(databases, filter, [], Now, CancellationToken.None);
            var tickets = await GetReportHandler.BuildAsync(databases, filter, [], Now, CancellationToken.None, useTallies: false);
            Assert.Equal(Texts(tickets), Texts(stored));
        }

        // The generated history is not trivial: the two years hold every kind of figure.
        var twoYears = await GetReportHandler.BuildAsync(databases, ranges[0], [], Now, CancellationToken.None);
        foreach (var section in new[] { "error-codes", "matrix", "resolution-times", "workload", "accuracy", "sla", "top-clients" })
        {
            Assert.NotEmpty(twoYears.Table(section)!.Rows);
        }

        // And the partial ranges were read from the day rows: without the stored totals the same report counts nothing.
        string[] counted = ["weekly", "error-codes", "matrix", "resolution-times", "accuracy", "top-clients"];
        var partial = await GetReportHandler.BuildAsync(databases, ranges[2], counted, Now, CancellationToken.None);
        Assert.Contains(partial.Table("weekly")!.Rows, row => (int)row[1]! > 0 && (int)row[2]! > 0);
        Assert.NotEmpty(partial.Table("resolution-times")!.Rows);
        await using (var db = await databases.CreateAsync())
        {
            await db.ReportTallies.ExecuteDeleteAsync();
        }

        var withoutTotals = await GetReportHandler.BuildAsync(databases, ranges[2], counted, Now, CancellationToken.None);
        Assert.All(withoutTotals.Table("weekly")!.Rows, row => Assert.Equal((0, 0), ((int)row[1]!, (int)row[2]!)));
        Assert.All(withoutTotals.Tables.Where(table => table.Name != "weekly"), table => Assert.Empty(table.Rows));
    }

    private sealed record Step(DateTimeOffset At, int Ticket, Func<TestApp, Guid, Task> Act);

    /// <summary>
    /// About 70 tickets over two years, from a fixed seed. Many are created in the last WIB hour of a month and resolved,
    /// reassigned or confirmed in the first hours of the next day, so each change moves counts across a day and month end.
    /// </summary>
    private static List<Step> Generate(List<Guid> clients, UserIdentity[] consultants, Dictionary<int, Guid> ids)
    {
        var random = new Random(17);
        var steps = new List<Step>();
        string[] errors = ["ETAX-40002: Error di Service", "ETAX-40002: Error di Service", "ETAX-10001: Gagal", "Printer tidak bisa mencetak faktur"];
        (string Scenario, string Cause)[] diagnoses = [("upload", "expired-certificate"), ("upload", "network"), ("registration", "expired-certificate")];
        var start = new DateTimeOffset(2024, 12, 3, 9, 0, 0, Wib);
        for (var i = 0; i < 70; i++)
        {
            var created = start.AddDays(i * 10.4).AddMinutes(random.Next(0, 600));
            if (i % 3 == 0)
            {
                // 23:10–23:50 WIB on a month's last day.
                var last = new DateOnly(created.Year, created.Month, 1).AddMonths(1).AddDays(-1);
                created = new DateTimeOffset(last.ToDateTime(new TimeOnly(23, 10 + random.Next(0, 40))), Wib);
            }

            var owner = consultants[random.Next(consultants.Length)];
            var other = consultants.First(c => c != owner);
            var assigned = random.Next(5) != 0;
            var channel = (TicketChannel)random.Next(0, 4);
            var error = errors[random.Next(errors.Length)];
            var client = clients[random.Next(clients.Count)];
            var fate = random.Next(6); // 0 New, 1 Triaged, 2 InProgress, 3–5 resolved (5 also reopened and resolved again)
            var at = created;
            var no = i;
            steps.Add(new(at, no, async (app, _) =>
            {
                var ticket = await app.SendAsync(owner, new CreateTicketCommand { ClientId = client, ErrorText = error, Channel = channel, AssigneeId = assigned ? owner.UserId : null });
                Assert.True(ticket.IsSuccess, ticket.IsSuccess ? "" : ticket.Error!.Message);
                ids[no] = ticket.Value.Id;
            }));
            if (fate >= 1)
            {
                at = at.AddMinutes(random.Next(5, 90));
                steps.Add(new(at, no, (app, id) => Status(app, owner, id, TicketStatus.Triaged)));
            }

            if (fate >= 2)
            {
                at = at.AddMinutes(random.Next(5, 300));
                steps.Add(new(at, no, (app, id) => Status(app, owner, id, TicketStatus.InProgress)));
                if (random.Next(2) == 0)
                {
                    var (scenario, cause) = diagnoses[random.Next(diagnoses.Length)];
                    at = at.AddMinutes(random.Next(10, 1500));
                    steps.Add(new(at, no, async (app, id) =>
                        Assert.True((await app.SendAsync(owner, new ConfirmDiagnosisCommand { TicketId = id, Scenario = scenario, Cause = cause })).IsSuccess)));
                }
            }

            if (random.Next(3) == 0)
            {
                at = at.AddMinutes(random.Next(10, 2000));
                steps.Add(new(at, no, async (app, id) =>
                    Assert.True((await app.SendAsync(owner, new AssignTicketCommand { TicketId = id, AssigneeId = other.UserId })).IsSuccess)));
                owner = other;
            }

            if (fate >= 3)
            {
                at = at.AddMinutes(random.Next(20, 4000));
                var resolver = owner;
                steps.Add(new(at, no, (app, id) => ResolveAsync(app, resolver, id)));
            }

            if (fate == 5)
            {
                at = at.AddMinutes(random.Next(60, 3000));
                var reopener = owner;
                steps.Add(new(at, no, (app, id) => Status(app, reopener, id, TicketStatus.InProgress)));
                at = at.AddMinutes(random.Next(60, 5000));
                steps.Add(new(at, no, (app, id) => ResolveAsync(app, reopener, id)));
            }
        }

        return steps;
    }

    private static async Task RunAsync(TestApp app, FakeTimeProvider clock, List<Step> steps, Dictionary<int, Guid> ids)
    {
        foreach (var step in steps.Where(step => step.At < Now).OrderBy(step => step.At))
        {
            clock.SetUtcNow(step.At);
            await step.Act(app, ids.GetValueOrDefault(step.Ticket));
        }
    }

    private static async Task Status(TestApp app, UserIdentity user, Guid id, TicketStatus to) =>
        Assert.True((await app.SendAsync(user, new ChangeTicketStatusCommand { TicketId = id, To = to })).IsSuccess);

    private static async Task ResolveAsync(TestApp app, UserIdentity user, Guid id)
    {
        await Seed.FinishStepsAsync(app, user, id);
        var resolved = await app.SendAsync(user, new ChangeTicketStatusCommand { TicketId = id, To = TicketStatus.Resolved, ResolutionSummary = "Selesai." });
        Assert.True(resolved.IsSuccess, resolved.IsSuccess ? "" : resolved.Error!.Message);
    }
}
