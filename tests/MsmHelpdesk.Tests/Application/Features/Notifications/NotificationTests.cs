using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Notifications;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Notifications;

public sealed class NotificationTests
{
    private static Notice NoticeWith(string key, string? link = "/tickets/MSM-2026-000001", string title = "Judul") =>
        new() { Kind = "test", Key = key, Title = title, Body = "Isi", Link = link };

    [Fact]
    public async Task ShouldRecordANoticeOncePerUserWhenItIsSentTwice()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");
        var notifier = app.Services.GetRequiredService<INotifier>();

        var first = await notifier.NotifyAsync([budi.UserId!, sari.UserId!], NoticeWith("k1"), CancellationToken.None);
        var second = await notifier.NotifyAsync([budi.UserId!, sari.UserId!, budi.UserId!], NoticeWith("k1"), CancellationToken.None);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => notifier.NotifyAsync([budi.UserId!], NoticeWith("k2"), CancellationToken.None)));

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(1, racing.Sum());
        Assert.Equal(3, await app.QueryDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task ShouldShowEachUserOnlyTheirOwnNotificationsNewestFirstPagedWithUnreadCount()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");
        var notifier = app.Services.GetRequiredService<INotifier>();
        for (var i = 1; i <= 5; i++)
        {
            await notifier.NotifyAsync([budi.UserId!], NoticeWith($"b{i}", title: $"Budi {i}"), CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        await notifier.NotifyAsync([sari.UserId!], NoticeWith("s1", title: "Sari 1"), CancellationToken.None);

        var page2 = (await app.SendAsync(budi, new ListMyNotificationsQuery { Page = 2, PageSize = 2 })).Value;
        var sarisList = (await app.SendAsync(sari, new ListMyNotificationsQuery())).Value;

        Assert.Equal(5, page2.TotalCount);
        Assert.Equal(["Budi 3", "Budi 2"], page2.Items.Select(n => n.Title));
        Assert.All(page2.Items, n => Assert.True(n.IsUnread));
        Assert.Equal(["Sari 1"], sarisList.Items.Select(n => n.Title));
        Assert.Equal(5, (await app.SendAsync(budi, new CountMyUnreadNotificationsQuery())).Value);
    }

    [Fact]
    public async Task ShouldMarkOwnNotificationsReadButNeverSomeoneElses()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");
        var notifier = app.Services.GetRequiredService<INotifier>();
        await notifier.NotifyAsync([budi.UserId!], NoticeWith("a"), CancellationToken.None);
        await notifier.NotifyAsync([budi.UserId!], NoticeWith("b"), CancellationToken.None);
        await notifier.NotifyAsync([sari.UserId!], NoticeWith("c"), CancellationToken.None);
        var budisFirst = (await app.SendAsync(budi, new ListMyNotificationsQuery())).Value.Items[0].Id;

        var bySari = await app.SendAsync(sari, new MarkNotificationReadCommand { NotificationId = budisFirst });
        var byBudi = await app.SendAsync(budi, new MarkNotificationReadCommand { NotificationId = budisFirst });
        var unreadAfterOne = (await app.SendAsync(budi, new CountMyUnreadNotificationsQuery())).Value;
        var markedAll = (await app.SendAsync(budi, new MarkAllNotificationsReadCommand())).Value;

        Assert.Equal(ErrorKind.NotFound, bySari.Error!.Kind);
        Assert.True(byBudi.IsSuccess);
        Assert.Equal(1, unreadAfterOne);
        Assert.Equal(1, markedAll);
        Assert.Equal(0, (await app.SendAsync(budi, new CountMyUnreadNotificationsQuery())).Value);
        Assert.Equal(1, (await app.SendAsync(sari, new CountMyUnreadNotificationsQuery())).Value);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/tickets")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("/tickets/x y")]
    [InlineData("tickets/MSM-2026-000001")]
    public async Task ShouldDropALinkThatIsNotAppRelative(string link)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        await app.Services.GetRequiredService<INotifier>().NotifyAsync([budi.UserId!], NoticeWith("x", link), CancellationToken.None);

        var stored = Assert.Single((await app.SendAsync(budi, new ListMyNotificationsQuery())).Value.Items);
        Assert.Null(stored.Link);
    }

    [Fact]
    public void ShouldAcceptAppRelativeLinks() => Assert.True(AppLinks.IsAppRelative("/tickets/MSM-2026-000001?tab=timeline"));

    [Fact]
    public async Task ShouldListOnlyActiveUsersOfTheRole()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");
        var admin = new UserIdentity("admin", "Admin", new HashSet<string> { Roles.Admin });
        Assert.True((await app.SendAsync(admin, new MsmHelpdesk.Application.Features.Users.SetUserActiveCommand { UserId = sari.UserId!, IsActive = false })).IsSuccess);

        var consultants = await app.Services.GetRequiredService<INotifier>().ActiveUsersInRoleAsync(Roles.Consultant, CancellationToken.None);
        var managers = await app.Services.GetRequiredService<INotifier>().ActiveUsersInRoleAsync(Roles.Manager, CancellationToken.None);

        Assert.Equal([budi.UserId!], consultants);
        Assert.Empty(managers);
    }

    [Fact]
    public async Task ShouldNotQueueMailWhenSmtpIsNotConfigured()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        await app.Services.GetRequiredService<INotifier>().NotifyAsync([budi.UserId!], NoticeWith("m"), CancellationToken.None);
        var delivery = (await app.SendAsync(new UserIdentity("op", "Operator", Roles.All.ToHashSet()), new DeliverPendingMailCommand())).Value;

        Assert.False(delivery.Configured);
        Assert.Equal(MailState.None, await app.QueryDbAsync(db => db.Notifications.Select(n => n.MailState).SingleAsync()));
    }
}
