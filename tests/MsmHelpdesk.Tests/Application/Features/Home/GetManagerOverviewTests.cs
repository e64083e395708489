using MsmHelpdesk.Application.Features.Home;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Home;

public sealed class GetManagerOverviewTests
{
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, MsmHelpdesk.Domain.Time.Wib.Offset);

    [Fact]
    public async Task ShouldCountTheBacklogTheWeekTheCodesTheHoldersAndTheVisitsInTheDatabase()
    {
        // Thursday 26 Nov 2026 09:00 WIB: the week began on Monday 23 Nov. The fixture's ticket (Budi, ETAX-40002) is today's.
        await using var work = await WorkFixture.StartAsync();
        var app = work.App;
        var older = (await app.SendAsync(work.Budi, new CreateTicketCommand { ClientId = work.ClientId, ErrorText = "Koneksi terputus", ReportedAt = At(11, 12), AssigneeId = work.Budi.UserId })).Value;
        await app.SendAsync(work.Budi, new CreateTicketCommand { ClientId = work.ClientId, ErrorText = "ETAX-40002: Error di Service", ReportedAt = At(11, 24) });
        await app.SendAsync(work.Budi, new CreateTicketCommand { ClientId = work.ClientId, ErrorText = "ETAX-30001: gagal kirim", ReportedAt = At(10, 20), AssigneeId = work.Maya.UserId });
        var visit = await app.SendAsync(work.Budi, WorkFixture.Visit(work) with { TicketId = older.Id });
        Assert.True(visit.IsSuccess, visit.IsSuccess ? "" : visit.Error.Message);

        // The fixture's ticket is resolved today.
        await work.MoveToInProgressAsync();
        await Seed.FinishStepsAsync(app, work.Budi, work.TicketId);
        var resolved = await app.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat diperbarui." });
        Assert.True(resolved.IsSuccess, resolved.IsSuccess ? "" : resolved.Error.Message);

        var overview = (await app.SendAsync(work.Maya, new GetManagerOverviewQuery())).Value;

        Assert.Equal(new DateOnly(2026, 11, 26), overview.Today);
        Assert.Equal(new DateOnly(2026, 11, 23), overview.WeekStart);
        Assert.Equal(3, overview.Open);
        Assert.Equal(TicketWorkflow.Open.ToArray(), overview.OpenByStatus.Select(s => s.Status).ToArray());
        Assert.Equal([0, 1, 0, 1, 1], overview.OpenByAge.Select(a => a.Count).ToArray());
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)), (overview.OpenByAge[1].ReportedFrom, overview.OpenByAge[1].ReportedTo));
        Assert.Null(overview.OpenByAge[^1].ReportedFrom);
        Assert.Equal([0, 1, 0, 1, 0, 0, 0], overview.Week.Select(d => d.New).ToArray());
        Assert.Equal([0, 0, 0, 1, 0, 0, 0], overview.Week.Select(d => d.Resolved).ToArray());
        Assert.Equal([new ErrorCodeCount("ETAX-40002", 2)], overview.TopErrorCodes);
        Assert.Equal(
            new[] { ("Budi", 1), ("Maya", 1), ("", 1) }.OrderBy(h => h.Item1).ToArray(),
            overview.Holders.Select(h => (h.AssigneeId is null ? "" : h.Name, h.Count)).OrderBy(h => h.Item1).ToArray());
        Assert.Equal([older.Number], overview.NextVisits.Select(v => v.TicketNumber).ToArray());

        // SLA figures agree with the list the figure links to.
        foreach (var (state, count) in new[] { (SlaState.AtRisk, overview.SlaAtRisk), (SlaState.Breached, overview.SlaBreached) })
        {
            var listed = (await app.SendAsync(work.Maya, new ListTicketsQuery { Queue = TicketQueue.AllOpen, SlaStates = [state] })).Value;
            Assert.Equal(listed.TotalCount, count);
        }

        // The list accepts the resolved-on filter the week's "resolved" figure links to.
        var resolvedToday = (await app.SendAsync(work.Maya, new ListTicketsQuery { Queue = TicketQueue.All, ResolvedFrom = overview.Today, ResolvedTo = overview.Today })).Value;
        Assert.Equal([work.TicketNumber], resolvedToday.Items.Select(t => t.Number).ToArray());
    }

    [Fact]
    public async Task ShouldRefuseTheOverviewToAConsultant()
    {
        await using var work = await WorkFixture.StartAsync();

        var result = await work.App.SendAsync(work.Budi, new GetManagerOverviewQuery());

        Assert.False(result.IsSuccess);
        Assert.Equal(MsmHelpdesk.Application.Common.Results.ErrorKind.Forbidden, result.Error.Kind);
    }
}
