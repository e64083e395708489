using System.Globalization;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.WorkFixture;

namespace MsmHelpdesk.Tests.Application.Features.Visits;

public sealed class PrepareKppVisitTests
{
    public PrepareKppVisitTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldKeepTheDocumentChecklistAndRefuseAStrangerAsOfficerWhenPreparing()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Budi, Visit(work))).Value;

        var stranger = await work.App.SendAsync(work.Budi, new PrepareKppVisitCommand { VisitId = id, OfficerName = "Kurir kantor", Documents = KppVisit.AllDocuments });
        var ready = await work.App.SendAsync(work.Budi, new PrepareKppVisitCommand { VisitId = id, OfficerName = "sari dewi", Documents = KppVisit.AllDocuments, Notes = "Bawa meterai cadangan" });

        Assert.True(stranger.Error!.FieldErrors.ContainsKey(nameof(PrepareKppVisitCommand.OfficerName)));
        Assert.True(ready.IsSuccess);
        var visit = Assert.Single((await work.WorkAsync()).Visits);
        Assert.Equal(("Sari Dewi", KppDocuments.None, "Bawa meterai cadangan"), (visit.OfficerName, visit.Missing, visit.Notes));
        Assert.Equal(("6", "6"), Assert.Single(await work.TimelineAsync(TimelineKind.VisitUpdated)) is var e ? (e.OldValue, e.NewValue) : default);
    }
}
