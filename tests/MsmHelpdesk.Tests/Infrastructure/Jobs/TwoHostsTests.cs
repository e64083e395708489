using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Tests.Support;
using Xunit.Abstractions;

namespace MsmHelpdesk.Tests.Infrastructure.Jobs;

/// <summary>
/// Scaled out, every node runs Hangfire workers, so a recurring job can run on two nodes at the same instant (see
/// decision 0180). Two hosts over one database run every job at once, twice: whatever a job records happens once.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    private static readonly UserIdentity Operator = TestCurrentUser.With("job-operator", [.. Roles.All]);

    [Fact]
    public async Task ShouldDoNothingTwiceWhenTwoHostsRunEveryJobAtOnce()
    {
        var directory = TestPaths.NewTempDirectory();
        var clock = new FakeTimeProvider(WorkFixture.Start);
        await using var first = await TestApp.StartAsync(directory, clock);
        var budi = await Seed.ConsultantAsync(first);
        // A manager, so the weekly digest has someone to notify.
        Assert.True((await first.Identity.CreateUserAsync(new NewUser("maya@msm.co.id", "Maya", "Manajer2026x", [Roles.Manager]), CancellationToken.None)).IsSuccess);
        var clientId = (await first.SendAsync(budi, new CreateClientCommand
        {
            Name = "PT Maju Jaya",
            Npwp = Seed.ValidNpwp,
            Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            Officers = [new OfficerInput { Name = "Hendra Wijaya", Position = "Direktur Utama" }],
            // Within 30 days of 26 Nov 2026: the scan opens one proactive ticket and records two thresholds.
            CertificateExpiresOn = new DateOnly(2026, 12, 20),
        })).Value;
        var ticket = await Seed.TicketAsync(first, budi, clientId);
        await first.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = budi.UserId });
        var visit = await first.SendAsync(budi, new ScheduleKppVisitCommand
        {
            TicketId = ticket.Id,
            Date = new DateOnly(2026, 11, 27),
            Time = new TimeOnly(9, 30),
            OfficerName = "Hendra Wijaya",
            Documents = KppDocuments.RequestForm | KppDocuments.CompanyDeed,
        });
        Assert.True(visit.IsSuccess, visit.IsSuccess ? "" : visit.Error.Message);
        await using var second = await TestApp.StartAsync(directory, clock);

        for (var round = 0; round < 3; round++)
        {
            if (round == 1)
            {
                // Three days on the ticket's SLA has run out: both hosts escalate it at the same instant.
                clock.Advance(TimeSpan.FromDays(3));
            }

            var runs = new[] { first, second }.SelectMany(app => JobRegistry.All.Select(job => Task.Run(async () =>
            {
                app.CurrentUser.Identity = Operator;
                await using var scope = app.Services.CreateAsyncScope();
                var result = await job.SendAsync(scope.ServiceProvider.GetRequiredService<ISender>(), CancellationToken.None);
                return (Job: job.Name, result.IsSuccess, Text: result.IsSuccess ? result.Value : result.Error.Message);
            })));
            var outcomes = await Task.WhenAll(runs);
            foreach (var outcome in outcomes)
            {
                output.WriteLine($"round {round + 1}, {outcome.Job}: {outcome.Text}");
            }

            Assert.All(outcomes, outcome => Assert.True(outcome.IsSuccess, $"{outcome.Job}: {outcome.Text}"));
        }

        await first.QueryDbAsync(async db =>
        {
            Assert.Equal(1, await db.Tickets.CountAsync(t => t.Channel == TicketChannel.Proactive));
            var thresholds = await db.CertificateReminders.Select(r => new { r.ClientId, r.Credential, r.ExpiresOn, r.ThresholdDays }).ToListAsync();
            Assert.Equal(2, thresholds.Count);
            Assert.Equal(thresholds.Count, thresholds.Distinct().Count());
            var notices = await db.Notifications.Select(n => new { n.UserId, n.Kind, n.Key }).ToListAsync();
            Assert.Equal(notices.Count, notices.Distinct().Count());
            Assert.Equal(1, notices.Count(n => n.Kind == "kpp-visit-reminder"));
            var reminders = await db.TimelineEntries.Where(e => e.Kind == TimelineKind.Reminder).Select(e => new { e.TicketId, e.Text }).ToListAsync();
            Assert.Equal(reminders.Count, reminders.Distinct().Count());
            var escalations = await db.SlaEscalations.Select(e => new { e.TicketId, e.Clock, e.State }).ToListAsync();
            Assert.NotEmpty(escalations);
            Assert.Equal(escalations.Count, escalations.Distinct().Count());
            Assert.Equal(1, notices.Count(n => n.Kind == "weekly-digest"));
            return 0;
        });
    }
}
