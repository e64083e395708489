using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Notifications;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Notifications;

/// <summary>E-mail through MailKit to a real SMTP server started by the test on a free localhost port.</summary>
public sealed class DeliverPendingMailTests
{
    private static readonly UserIdentity Operator = new("job-operator", "Operator", Roles.All.ToHashSet());

    private static Notice SlaNotice => new()
    {
        Kind = "sla-breached",
        Key = "sla-breached:1:resolution",
        Title = "Tiket MSM-2026-000001 melewati batas waktu",
        Body = "Batas penyelesaian terlewati 2 jam.",
        Link = "/tickets/MSM-2026-000001",
    };

    [Fact]
    public async Task ShouldDeliverTheRealMimeMessageToTheUsersAddress()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(settings: SmtpTestServer.SettingsFor(smtp.Port));
        var budi = await Seed.ConsultantAsync(app);
        await app.Services.GetRequiredService<INotifier>().NotifyAsync([budi.UserId!], SlaNotice, CancellationToken.None);

        var outcome = (await app.SendAsync(Operator, new DeliverPendingMailCommand())).Value;
        var again = (await app.SendAsync(Operator, new DeliverPendingMailCommand())).Value;

        Assert.Equal(1, outcome.Sent);
        Assert.Equal(0, again.Sent);
        var message = Assert.Single(smtp.Received);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal("budi@msm.co.id", to.Address);
        Assert.Equal("Budi", to.Name);
        Assert.Equal("helpdesk@msm.co.id", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.Equal("Tiket MSM-2026-000001 melewati batas waktu", message.Subject);
        Assert.Contains("Batas penyelesaian terlewati 2 jam.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://helpdesk.msm.co.id/tickets/MSM-2026-000001", message.TextBody, StringComparison.Ordinal);
        var row = await app.QueryDbAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(MailState.Sent, row.MailState);
        Assert.Equal(1, row.MailAttempts);
    }

    [Fact]
    public async Task ShouldKeepMailPendingWhileTheServerIsDownAndDeliverItAfterARestartWhenItIsBack()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        var port = SmtpTestServer.FreePort();
        var directory = TestPaths.NewTempDirectory();
        await using (var app = await TestApp.StartAsync(directory, clock, SmtpTestServer.SettingsFor(port)))
        {
            var budi = await Seed.ConsultantAsync(app);
            await app.Services.GetRequiredService<INotifier>().NotifyAsync([budi.UserId!], SlaNotice, CancellationToken.None);

            var down = (await app.SendAsync(Operator, new DeliverPendingMailCommand())).Value;
            var tooSoon = (await app.SendAsync(Operator, new DeliverPendingMailCommand())).Value;
            clock.Advance(TimeSpan.FromMinutes(1));
            var downAgain = (await app.SendAsync(Operator, new DeliverPendingMailCommand())).Value;

            Assert.Equal((0, 1), (down.Sent, down.Retrying));
            Assert.Equal((0, 0), (tooSoon.Sent, tooSoon.Retrying));
            Assert.Equal((0, 1), (downAgain.Sent, downAgain.Retrying));
            var row = await app.QueryDbAsync(db => db.Notifications.SingleAsync());
            Assert.Equal(MailState.Pending, row.MailState);
            Assert.Equal(2, row.MailAttempts);
            Assert.NotNull(row.MailLastError);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), row.MailNextAttemptAt);
        }

        // The app restarts and the SMTP server comes back on the same port: the recorded mail goes out.
        await using var smtp = await SmtpTestServer.StartAsync(port);
        await using var restarted = await TestApp.StartAsync(directory, clock, SmtpTestServer.SettingsFor(port));
        clock.Advance(TimeSpan.FromMinutes(2));
        var back = (await restarted.SendAsync(Operator, new DeliverPendingMailCommand())).Value;

        Assert.Equal(1, back.Sent);
        Assert.Equal("Tiket MSM-2026-000001 melewati batas waktu", Assert.Single(smtp.Received).Subject);
        var delivered = await restarted.QueryDbAsync(db => db.Notifications.SingleAsync());
        Assert.Equal((MailState.Sent, 3), (delivered.MailState, delivered.MailAttempts));
        Assert.Null(delivered.MailLastError);
    }

    [Fact]
    public async Task ShouldGiveUpAfterTheLastAttemptAndKeepTheErrorForOperators()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(clock: clock, settings: SmtpTestServer.SettingsFor(SmtpTestServer.FreePort()));
        var budi = await Seed.ConsultantAsync(app);
        await app.Services.GetRequiredService<INotifier>().NotifyAsync([budi.UserId!], SlaNotice, CancellationToken.None);

        for (var attempt = 0; attempt < Notification.MaxMailAttempts + 2; attempt++)
        {
            await app.SendAsync(Operator, new DeliverPendingMailCommand());
            clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await app.QueryDbAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(MailState.Failed, row.MailState);
        Assert.Equal(Notification.MaxMailAttempts, row.MailAttempts);
        Assert.NotNull(row.MailLastError);
        Assert.DoesNotContain(nameof(Notification.MailLastError), typeof(NotificationView).GetProperties().Select(p => p.Name));
    }

    [Fact]
    public async Task ShouldSendEachMailOnceWhenDeliveriesRunConcurrently()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(settings: SmtpTestServer.SettingsFor(smtp.Port));
        var budi = await Seed.ConsultantAsync(app);
        var notifier = app.Services.GetRequiredService<INotifier>();
        for (var i = 0; i < 10; i++)
        {
            await notifier.NotifyAsync([budi.UserId!], SlaNotice with { Key = $"k{i}", Title = $"Pemberitahuan {i}" }, CancellationToken.None);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.SendAsync(Operator, new DeliverPendingMailCommand())));

        Assert.Equal(10, outcomes.Sum(o => o.Value.Sent));
        Assert.Equal(10, smtp.Received.Count);
        Assert.Equal(10, smtp.Received.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(10, await app.QueryDbAsync(db => db.Notifications.CountAsync(n => n.MailState == MailState.Sent && n.MailAttempts == 1)));
    }
}
