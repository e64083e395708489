using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Steps;

public sealed class AddTicketStepTests
{
    public AddTicketStepTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldAddStepsByHandAndReorderThemUpAndDown()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Telepon klien", IsRequired = false, DueOn = new DateOnly(2026, 11, 27) });
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Kirim formulir", IsRequired = true, AssigneeId = work.Budi.UserId });
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Cek meterai", IsRequired = true });
        var steps = (await work.WorkAsync()).Steps;

        await work.App.SendAsync(work.Budi, new MoveTicketStepCommand { TicketId = work.TicketId, StepId = steps[2].Id, Up = true });
        await work.App.SendAsync(work.Budi, new MoveTicketStepCommand { TicketId = work.TicketId, StepId = steps[0].Id, Up = true });
        await work.App.SendAsync(work.Budi, new MoveTicketStepCommand { TicketId = work.TicketId, StepId = steps[0].Id, Up = false });

        var after = (await work.WorkAsync()).Steps;
        Assert.Equal(["Cek meterai", "Telepon klien", "Kirim formulir"], after.Select(s => s.Title));
        Assert.Equal([1, 2, 3], after.Select(s => s.Order));
        Assert.Equal((false, new DateOnly(2026, 11, 27)), (after[1].IsRequired, after[1].DueOn));
        Assert.Equal((true, "Budi"), (after[2].IsRequired, after[2].AssigneeName));
        Assert.Equal(3, (await work.TimelineAsync(TimelineKind.StepAdded)).Count);
        Assert.Equal(2, (await work.TimelineAsync(TimelineKind.StepMoved)).Count);
    }

    [Fact]
    public async Task ShouldKeepHostileStepTextAsTextAndRefuseAPassphraseInNotes()
    {
        await using var work = await WorkFixture.StartAsync();
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        var added = await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = Hostile, Notes = Hostile, IsRequired = true });
        var secret = await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Impor", Notes = "passphrase: Rahasia#2024", IsRequired = true });

        Assert.True(added.IsSuccess);
        var step = Assert.Single((await work.WorkAsync()).Steps);
        Assert.Equal((Hostile, Hostile), (step.Title, step.Notes));
        Assert.False(secret.IsSuccess);
        Assert.True(secret.Error.FieldErrors.ContainsKey(nameof(AddTicketStepCommand.Notes)));
    }
}
