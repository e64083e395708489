using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Certificates;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Certificates;

public sealed class ScanCertificateExpiryTests
{
    private static readonly UserIdentity Operator = new("job-operator", "Operator (scheduled job)", Roles.All.ToHashSet());

    /// <summary>08:00 WIB on 1 October 2026.</summary>
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.Zero));

    private static async Task<Guid> ClientAsync(TestApp app, UserIdentity sender, DateOnly? certificateExpiresOn, DateOnly? coretaxExpiresOn = null, string npwp = Seed.ValidNpwp, string name = "PT Maju Jaya") =>
        (await app.SendAsync(sender, new CreateClientCommand
        {
            Name = name,
            Npwp = npwp,
            CertificateExpiresOn = certificateExpiresOn,
            CoretaxExpiresOn = coretaxExpiresOn,
        })).Value;

    private static async Task<CertificateScanOutcome> ScanAsync(TestApp app) =>
        (await app.SendAsync(Operator, new ScanCertificateExpiryCommand())).Value;

    private static Task<List<Ticket>> ProactiveTicketsAsync(TestApp app) =>
        app.QueryDbAsync(db => db.Tickets.Where(t => t.Channel == TicketChannel.Proactive).OrderBy(t => t.Number).ToListAsync());

    private static Task<List<string?>> RemindersAsync(TestApp app) =>
        app.QueryDbAsync(db => db.TimelineEntries.Where(e => e.Kind == TimelineKind.Reminder).OrderBy(e => e.Id).Select(e => e.Text).ToListAsync());

    [Fact]
    public async Task ShouldOpenOneTicketAtSixtyDaysAndRemindItAtThirtyAndSevenWhenScannedDayByDay()
    {
        var clock = Clock();
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");
        var clientId = await ClientAsync(app, budi, certificateExpiresOn: new DateOnly(2026, 12, 6), coretaxExpiresOn: new DateOnly(2026, 12, 20));
        var events = new List<(DateOnly Day, int Opened, int Reminded)>();

        for (var day = 0; day < 80; day++)
        {
            var outcome = await ScanAsync(app);
            if (outcome.TicketsOpened + outcome.RemindersAdded > 0)
            {
                events.Add((MsmHelpdesk.Domain.Time.Wib.Today(clock), outcome.TicketsOpened, outcome.RemindersAdded));
            }

            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(
        [
            (new DateOnly(2026, 10, 7), 1, 0),   // legacy: 60 days left
            (new DateOnly(2026, 10, 21), 1, 0),  // Coretax: 60 days left
            (new DateOnly(2026, 11, 6), 0, 1),   // legacy: 30
            (new DateOnly(2026, 11, 20), 0, 1),  // Coretax: 30
            (new DateOnly(2026, 11, 29), 0, 1),  // legacy: 7
            (new DateOnly(2026, 12, 13), 0, 1),  // Coretax: 7
        ], events);
        var tickets = await ProactiveTicketsAsync(app);
        Assert.Equal(2, tickets.Count);
        Assert.All(tickets, t => Assert.Equal(clientId, t.ClientId));
        Assert.Equal("Sertifikat elektronik berakhir 6 Des 2026 — perpanjang di KPP", tickets[0].ErrorText);
        Assert.StartsWith("Kode Otorisasi/sertifikat Coretax berakhir 20 Des 2026", tickets[1].ErrorText, StringComparison.Ordinal);
        Assert.All(tickets, t => Assert.Equal(("other", "expired-certificate"), (t.Suggested!.Scenario, t.Suggested.Cause)));
        Assert.Equal(4, (await RemindersAsync(app)).Count);
        Assert.Equal(6, await app.QueryDbAsync(db => db.CertificateReminders.CountAsync()));
        // No usual consultant: every active consultant hears of each of the six events, once.
        Assert.Equal(12, await app.QueryDbAsync(db => db.Notifications.CountAsync()));
        Assert.Equal(6, await app.QueryDbAsync(db => db.Notifications.CountAsync(n => n.UserId == sari.UserId)));
    }

    [Fact]
    public async Task ShouldOpenExactlyOneTicketForAClientFirstSeenInsideSevenDaysAndNothingOnLaterRuns()
    {
        var clock = Clock();
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        await ClientAsync(app, budi, certificateExpiresOn: new DateOnly(2026, 10, 6));

        var first = await ScanAsync(app);
        var second = await ScanAsync(app);
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await ScanAsync(app);

        Assert.Equal((1, 0), (first.TicketsOpened, first.RemindersAdded));
        Assert.Equal((0, 0), (second.TicketsOpened, second.RemindersAdded));
        Assert.Equal((0, 0), (nextDay.TicketsOpened, nextDay.RemindersAdded));
        var ticket = Assert.Single(await ProactiveTicketsAsync(app));
        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
        var handled = await app.QueryDbAsync(db => db.CertificateReminders.OrderBy(r => r.ThresholdDays).ToListAsync());
        Assert.Equal([7, 30, 60], handled.Select(r => r.ThresholdDays));
        Assert.Equal([true, false, false], handled.Select(r => r.Acted));
        Assert.All(handled, r => Assert.Equal(ticket.Id, r.TicketId));
        Assert.Empty(await RemindersAsync(app));
    }

    [Fact]
    public async Task ShouldNotDoubleAnythingWhenTwoRunsRaceOrARunIsRepeated()
    {
        var clock = Clock();
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await ClientAsync(app, budi, new DateOnly(2026, 10, 20).AddDays(i), npwp: $"0{i + 1}.234.567.{MsmHelpdesk.Domain.Clients.Npwp.LuhnCheckDigit($"0{i + 1}234567")}-901.000", name: $"PT Klien {i}");
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ScanAsync(app)));
        var again = await ScanAsync(app);

        Assert.Equal(5, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(5, outcomes.Sum(o => o.TicketsOpened));
        Assert.Equal(0, again.TicketsOpened + again.RemindersAdded);
        Assert.Equal(10, await app.QueryDbAsync(db => db.CertificateReminders.CountAsync()));
        Assert.Equal(5, await app.QueryDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task ShouldLoseNothingWhenTheAppRestartsBetweenRuns()
    {
        var clock = Clock();
        var directory = TestPaths.NewTempDirectory();
        await using (var app = await TestApp.StartAsync(directory, clock))
        {
            var budi = await Seed.ConsultantAsync(app);
            await ClientAsync(app, budi, certificateExpiresOn: new DateOnly(2026, 11, 15));
            Assert.Equal(1, (await ScanAsync(app)).TicketsOpened);
        }

        await using var restarted = await TestApp.StartAsync(directory, clock);
        var sameDay = await ScanAsync(restarted);
        clock.Advance(TimeSpan.FromDays(15));
        var thirtyDaysLeft = await ScanAsync(restarted);

        Assert.Equal((0, 0), (sameDay.TicketsOpened, sameDay.RemindersAdded));
        Assert.Equal((0, 1), (thirtyDaysLeft.TicketsOpened, thirtyDaysLeft.RemindersAdded));
        Assert.Single(await ProactiveTicketsAsync(restarted));
    }

    [Fact]
    public async Task ShouldOpenANewTicketWhenTheFirstWasClosedWithoutRenewalAndStartFreshAfterRenewal()
    {
        var clock = Clock();
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await ClientAsync(app, budi, certificateExpiresOn: new DateOnly(2026, 11, 15));
        await ScanAsync(app);
        var first = Assert.Single(await ProactiveTicketsAsync(app));
        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed })
        {
            Assert.True((await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = first.Id, To = status, ResolutionSummary = "Klien akan datang sendiri" })).IsSuccess);
        }

        clock.Advance(TimeSpan.FromDays(15));
        var atThirty = await ScanAsync(app);
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;
        var renewed = await app.SendAsync(budi, new UpdateClientCommand
        {
            ClientId = clientId,
            ExpectedVersion = client.Version,
            Name = client.Name,
            Npwp = Seed.ValidNpwp,
            CertificateExpiresOn = new DateOnly(2026, 11, 15).AddYears(2),
        });
        var afterRenewal = await ScanAsync(app);
        clock.SetUtcNow(new DateTimeOffset(2028, 9, 20, 1, 0, 0, TimeSpan.Zero)); // 56 days before the renewed expiry
        var nextCycle = await ScanAsync(app);

        Assert.Equal((1, 0), (atThirty.TicketsOpened, atThirty.RemindersAdded));
        Assert.True(renewed.IsSuccess);
        Assert.Equal((0, 0), (afterRenewal.TicketsOpened, afterRenewal.RemindersAdded));
        Assert.Equal((1, 0), (nextCycle.TicketsOpened, nextCycle.RemindersAdded));
        Assert.Equal(3, (await ProactiveTicketsAsync(app)).Count);
    }

    [Fact]
    public async Task ShouldGiveTheTicketToTheClientsUsualConsultantAndNotifyOnlyThem()
    {
        var clock = Clock();
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");
        var clientId = await ClientAsync(app, budi, certificateExpiresOn: new DateOnly(2026, 11, 1));
        var earlier = await Seed.TicketAsync(app, budi, clientId);
        await app.SendAsync(budi, new AssignTicketCommand { TicketId = earlier.Id, AssigneeId = sari.UserId });

        await ScanAsync(app);

        var ticket = Assert.Single(await ProactiveTicketsAsync(app));
        Assert.Equal(sari.UserId, ticket.AssigneeId);
        var notice = Assert.Single(await app.QueryDbAsync(db => db.Notifications.ToListAsync()));
        Assert.Equal(sari.UserId, notice.UserId);
        Assert.Equal($"/tickets/{ticket.Number}", notice.Link);
        Assert.Equal("certificate-expiring", notice.Kind);
    }
}
