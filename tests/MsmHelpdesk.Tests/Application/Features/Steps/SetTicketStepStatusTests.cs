using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Steps;

public sealed class SetTicketStepStatusTests
{
    public SetTicketStepStatusTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldRecordWhoFinishedAStepAndWhenOnTheControlledClock()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var step = (await work.WorkAsync()).Steps[0];
        work.Clock.Advance(TimeSpan.FromMinutes(90));

        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.InProgress });
        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Done });

        var done = (await work.WorkAsync()).Steps[0];
        Assert.Equal((TicketStepStatus.Done, "Budi", WorkFixture.Start.AddMinutes(90)), (done.Status, done.DoneByName, done.DoneAt));
        var changes = await work.TimelineAsync(TimelineKind.StepStatusChanged);
        Assert.Equal([("Pending", "InProgress"), ("InProgress", "Done")], changes.Select(e => (e.OldValue, e.NewValue)));

        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Pending });
        var reopened = (await work.WorkAsync()).Steps[0];
        Assert.Equal((TicketStepStatus.Pending, null, null), (reopened.Status, reopened.DoneByName, reopened.DoneAt));
    }

    [Fact]
    public async Task ShouldRefuseToSkipAStepWithoutAReason()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var step = (await work.WorkAsync()).Steps[0];

        var refused = await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Skipped, Reason = "  " });
        var skipped = await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Skipped, Reason = "Tanggal sudah terlihat di file .p12" });

        Assert.False(refused.IsSuccess);
        Assert.Equal("Tulis alasan melewati langkah ini.", Assert.Single(refused.Error.FieldErrors[nameof(SetTicketStepStatusCommand.Reason)]));
        Assert.True(skipped.IsSuccess);
        var now = (await work.WorkAsync()).Steps[0];
        Assert.Equal((TicketStepStatus.Skipped, "Tanggal sudah terlihat di file .p12"), (now.Status, now.SkipReason));
        Assert.Contains("Tanggal sudah terlihat", Assert.Single(await work.TimelineAsync(TimelineKind.StepStatusChanged)).Text);
    }

    [Fact]
    public async Task ShouldRefuseStepChangesOnAResolvedTicket()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.App.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Selesai" });

        var added = await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Terlambat", IsRequired = true });
        await work.ConfirmAsync("expired-certificate");

        Assert.False(added.IsSuccess);
        Assert.Empty((await work.WorkAsync()).Steps);
    }
}
