using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class RunWaitingOnClientTests
{
    private static readonly UserIdentity Operator = new("job-operator", "Operator (scheduled job)", Roles.All.ToHashSet());

    private static async Task<(TestApp App, FakeTimeProvider Clock, UserIdentity Budi, TicketCreated Ticket)> WaitingTicketAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
        var app = await TestApp.StartAsync(clock: clock);
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);
        var ticket = await Seed.TicketAsync(app, budi, clientId);
        await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = budi.UserId });
        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient })
        {
            Assert.True((await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = status })).IsSuccess);
        }

        return (app, clock, budi, ticket);
    }

    private static async Task<WaitingOnClientOutcome> RunAsync(TestApp app) => (await app.SendAsync(Operator, new RunWaitingOnClientCommand())).Value;

    private static Task<TicketView> TicketAsync(TestApp app, UserIdentity user, TicketCreated ticket) =>
        app.SendAsync(user, new GetTicketQuery { Number = ticket.Number }).ContinueWith(t => t.Result.Value, TaskScheduler.Default);

    [Fact]
    public async Task ShouldRemindTheAssigneeOnceAfterThreeDaysAndCloseForNoReplyAfterSeven()
    {
        var (app, clock, budi, ticket) = await WaitingTicketAsync();
        await using var _ = app;
        var outcomes = new List<WaitingOnClientOutcome>();
        for (var hour = 0; hour <= 8 * 24; hour += 6)
        {
            outcomes.Add(await RunAsync(app));
            clock.Advance(TimeSpan.FromHours(6));
        }

        Assert.Equal(1, outcomes.Sum(o => o.Reminded));
        Assert.Equal(1, outcomes.Sum(o => o.Closed));
        Assert.Equal(12, outcomes.FindIndex(o => o.Reminded == 1));   // 72 hours
        Assert.Equal(28, outcomes.FindIndex(o => o.Closed == 1));     // 168 hours
        var view = await TicketAsync(app, budi, ticket);
        Assert.Equal(TicketStatus.Closed, view.Status);
        var closing = view.Timeline.Last(e => e.Kind == TimelineKind.StatusChanged);
        Assert.Equal("Operator (scheduled job)", closing.ActorName);
        Assert.Equal("Ditutup otomatis oleh sistem: klien tidak membalas selama 7 hari.", closing.Text);
        Assert.Single(view.Timeline, e => e.Kind == TimelineKind.Reminder);
        var notices = await app.QueryDbAsync(db => db.Notifications.OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(["waiting-on-client-reminder", "waiting-on-client-closed"], notices.Select(n => n.Kind));
        Assert.All(notices, n => Assert.Equal(budi.UserId, n.UserId));
        Assert.All(notices, n => Assert.Equal($"/tickets/{ticket.Number}", n.Link));
    }

    [Fact]
    public async Task ShouldPutTheTicketBackToWorkWhenTheClientRepliesAndCountAgainFromTheNextWait()
    {
        var (app, clock, budi, ticket) = await WaitingTicketAsync();
        await using var _ = app;
        clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, (await RunAsync(app)).Reminded);

        var replied = await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = ticket.Id, Text = "Sudah saya coba lagi, masih gagal." });
        clock.Advance(TimeSpan.FromDays(10));
        var whileInProgress = await RunAsync(app);
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.WaitingOnClient });
        clock.Advance(TimeSpan.FromDays(3));
        var secondWait = await RunAsync(app);

        Assert.Equal(TicketStatus.InProgress, replied.Value);
        Assert.Equal((0, 0), (whileInProgress.Reminded, whileInProgress.Closed));
        Assert.Equal((1, 0), (secondWait.Reminded, secondWait.Closed));
        var view = await TicketAsync(app, budi, ticket);
        var message = Assert.Single(view.Timeline, e => e.Kind == TimelineKind.ClientMessage);
        Assert.Equal("Sudah saya coba lagi, masih gagal.", message.Text);
        Assert.Equal(2, await app.QueryDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task ShouldReopenATicketClosedForNoReplyWhenTheClientWritesButNotOneClosedByAConsultant()
    {
        var (app, clock, budi, ticket) = await WaitingTicketAsync();
        await using var _ = app;
        clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, (await RunAsync(app)).Closed);

        var reopened = await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = ticket.Id, Text = "Maaf baru sempat membalas." });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat diimpor ulang." });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Closed });
        var afterManualClose = await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = ticket.Id, Text = "Terima kasih!" });

        Assert.Equal(TicketStatus.InProgress, reopened.Value);
        Assert.Equal(TicketStatus.Closed, afterManualClose.Value);
        Assert.Equal(2, (await TicketAsync(app, budi, ticket)).Timeline.Count(e => e.Kind == TimelineKind.ClientMessage));
    }

    [Fact]
    public async Task ShouldRefuseAnEmptyOrSecretClientMessageAndAnUnknownTicket()
    {
        var (app, _, budi, ticket) = await WaitingTicketAsync();
        await using var __ = app;

        var empty = await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = ticket.Id, Text = " " });
        var secret = await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = ticket.Id, Text = "passphrase: Rahasia123!" });
        var unknown = await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = Guid.NewGuid(), Text = "Halo" });

        Assert.Equal(ErrorKind.Validation, empty.Error!.Kind);
        Assert.Contains(nameof(RecordClientMessageCommand.Text), empty.Error.FieldErrors.Keys);
        Assert.Equal(ErrorKind.Validation, secret.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal(TicketStatus.WaitingOnClient, (await TicketAsync(app, budi, ticket)).Status);
    }
}
