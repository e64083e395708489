using MsmHelpdesk.Application.Features.Reports;
using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;

namespace MsmHelpdesk.Tests.Application.Features.Reports;

public sealed class GetReportTicketsTests
{
    [Fact]
    public async Task ShouldListTheTicketsOfAMatrixCell()
    {
        await using var f = await ArrangeAsync();

        var network = await f.App.SendAsync(f.Manager, new GetReportTicketsQuery { Filter = FixtureRange, Scenario = "upload", Cause = "network" });
        var unknown = await f.App.SendAsync(f.Manager, new GetReportTicketsQuery { Filter = FixtureRange, Scenario = "unknown", Cause = "unknown" });
        var budi = await f.App.SendAsync(f.Manager, new GetReportTicketsQuery { Filter = FixtureRange with { AssigneeId = f.Budi.UserId }, Scenario = "upload", Cause = "expired-certificate" });

        Assert.Equal([f.Tickets[7].Number, f.Tickets[6].Number], network.Value.Items.Select(t => t.Number));
        Assert.Equal(2, network.Value.TotalCount);
        Assert.Equal([f.Tickets[8].Number], unknown.Value.Items.Select(t => t.Number));
        Assert.False(unknown.Value.Items[0].Confirmed);
        Assert.Equal([f.Tickets[9].Number, f.Tickets[4].Number], budi.Value.Items.Select(t => t.Number));
    }
}
