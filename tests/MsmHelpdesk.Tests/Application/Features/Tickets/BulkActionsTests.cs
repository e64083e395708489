using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class BulkActionsTests
{
    public BulkActionsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldAssignEveryOpenSelectedTicketAndReportTheResolvedOneSkipped()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var maya = await DeskSeed.ManagerAsync(app);
        var tickets = await DeskSeed.TicketsOfClientsAsync(app, budi, 3);
        await DeskSeed.MoveAsync(app, budi, tickets[2].Id, TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.Resolved);

        var outcome = await app.SendAsync(maya, new BulkAssignTicketsCommand { TicketIds = [.. tickets.Select(t => t.Id)], AssigneeId = budi.UserId });

        Assert.True(outcome.IsSuccess);
        Assert.Equal([tickets[0].Number, tickets[1].Number], outcome.Value.Changed);
        var skipped = Assert.Single(outcome.Value.Skipped);
        Assert.Equal(tickets[2].Number, skipped.Number);
        Assert.Equal($"Tiket {tickets[2].Number} sudah tidak terbuka.", skipped.Reason);
        foreach (var ticket in tickets.Take(2))
        {
            var view = await DeskSeed.ViewAsync(app, budi, ticket.Id);
            Assert.Equal("Budi", view.AssigneeName);
            var entry = Assert.Single(view.Timeline, e => e.Kind == TimelineKind.AssigneeChanged);
            Assert.Equal("Maya", entry.ActorName);
        }

        Assert.Null((await DeskSeed.ViewAsync(app, budi, tickets[2].Id)).AssigneeName);
    }

    [Fact]
    public async Task ShouldRefuseBulkAssignToAConsultantButLetThemChangeStatusAndPriority()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var tickets = await DeskSeed.TicketsOfClientsAsync(app, budi, 2);
        List<Guid> ids = [.. tickets.Select(t => t.Id)];

        var assign = await app.SendAsync(budi, new BulkAssignTicketsCommand { TicketIds = ids, AssigneeId = budi.UserId });
        var status = await app.SendAsync(budi, new BulkChangeTicketStatusCommand { TicketIds = ids, To = TicketStatus.Triaged });
        var priority = await app.SendAsync(budi, new BulkChangeTicketPriorityCommand { TicketIds = ids, Priority = TicketPriority.Urgent });

        Assert.Equal(ErrorKind.Forbidden, assign.Error!.Kind);
        Assert.Equal(2, status.Value.Changed.Count);
        Assert.Equal(2, priority.Value.Changed.Count);
        var view = await DeskSeed.ViewAsync(app, budi, tickets[0].Id);
        Assert.Equal(TicketPriority.Urgent, view.Priority);
        var change = Assert.Single(view.Timeline, e => e.Kind == TimelineKind.FieldChanged && e.Field == nameof(Ticket.Priority));
        Assert.Equal(("Normal", "Urgent"), (change.OldValue, change.NewValue));
        Assert.Null(view.AssigneeName);
    }

    [Fact]
    public async Task ShouldMoveTheTicketsTheirRulesAllowAndSkipTheOthersWithTheReason()
    {
        await using var work = await WorkFixture.StartAsync();
        var app = work.App;
        var others = await DeskSeed.TicketsOfClientsAsync(app, work.Budi, 2);
        await work.MoveToInProgressAsync();
        await app.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Impor sertifikat baru", IsRequired = true });
        await DeskSeed.MoveAsync(app, work.Budi, others[0].Id, TicketStatus.Triaged, TicketStatus.InProgress);

        // others[1] is New: New → Resolved is not a move; the fixture's ticket has a required step open.
        var outcome = await app.SendAsync(work.Budi, new BulkChangeTicketStatusCommand
        {
            TicketIds = [work.TicketId, others[0].Id, others[1].Id],
            To = TicketStatus.Resolved,
            ResolutionSummary = "Layanan DJP normal kembali",
        });

        Assert.Equal([others[0].Number], outcome.Value.Changed);
        Assert.Equal(2, outcome.Value.Skipped.Count);
        Assert.StartsWith("Tiket belum bisa diselesaikan: 1 langkah wajib belum selesai.", outcome.Value.Skipped.Single(s => s.TicketId == work.TicketId).Reason, StringComparison.Ordinal);
        Assert.Equal("Status tidak bisa diubah dari Baru ke Selesai.", outcome.Value.Skipped.Single(s => s.TicketId == others[1].Id).Reason);
        var resolved = await DeskSeed.ViewAsync(app, work.Budi, others[0].Id);
        Assert.Equal((TicketStatus.Resolved, "Layanan DJP normal kembali"), (resolved.Status, resolved.ResolutionSummary));
        Assert.Equal(TicketStatus.InProgress, (await DeskSeed.ViewAsync(app, work.Budi, work.TicketId)).Status);
        Assert.Equal(TicketStatus.New, (await DeskSeed.ViewAsync(app, work.Budi, others[1].Id)).Status);
    }

    [Fact]
    public async Task ShouldAskOnceForTheSummaryAndForASelection()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var noSummary = await app.SendAsync(budi, new BulkChangeTicketStatusCommand { TicketIds = [ticket.Id], To = TicketStatus.Resolved });
        var nothing = await app.SendAsync(budi, new BulkChangeTicketPriorityCommand { TicketIds = [], Priority = TicketPriority.High });
        var tooMany = await app.SendAsync(budi, new BulkChangeTicketPriorityCommand { TicketIds = [.. Enumerable.Range(0, 201).Select(_ => Guid.NewGuid())], Priority = TicketPriority.High });
        var missing = await app.SendAsync(budi, new BulkChangeTicketPriorityCommand { TicketIds = [ticket.Id, Guid.NewGuid()], Priority = TicketPriority.High });

        Assert.Equal(["Isi ringkasan penyelesaian sebelum menandai tiket selesai."], noSummary.Error!.FieldErrors[nameof(BulkChangeTicketStatusCommand.ResolutionSummary)]);
        Assert.Equal(["Pilih minimal satu tiket."], nothing.Error!.FieldErrors[nameof(BulkChangeTicketPriorityCommand.TicketIds)]);
        Assert.Equal(["Paling banyak 200 tiket sekaligus."], tooMany.Error!.FieldErrors[nameof(BulkChangeTicketPriorityCommand.TicketIds)]);
        Assert.Equal([ticket.Number], missing.Value.Changed);
        Assert.Equal("tiket tidak ditemukan", Assert.Single(missing.Value.Skipped).Reason);
    }
}
