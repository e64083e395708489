using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Steps;

public sealed class EditTicketStepTests
{
    public EditTicketStepTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldRecordEachChangedStepFieldInTheTimeline()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Telepon klien", IsRequired = true });
        var step = (await work.WorkAsync()).Steps[0];

        await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = step.Id, AssigneeId = work.Budi.UserId, DueOn = new DateOnly(2026, 11, 30), Notes = "pagi" });
        await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = step.Id, AssigneeId = work.Budi.UserId, DueOn = new DateOnly(2026, 11, 30), Notes = "pagi" });
        var unknown = await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = step.Id, AssigneeId = "nobody" });

        var edits = await work.TimelineAsync(TimelineKind.StepEdited);
        Assert.Equal(["AssigneeId", "DueOn", "Notes"], edits.Select(e => e.Field));
        Assert.Equal("2026-11-30", edits[1].NewValue);
        Assert.False(unknown.IsSuccess);
        Assert.True(unknown.Error.FieldErrors.ContainsKey(nameof(EditTicketStepCommand.AssigneeId)));
    }
}
