using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Visits;

public sealed class PrepareKppVisitTests
{
    public PrepareKppVisitTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static ScheduleKppVisitCommand Visit(WorkFixture work, DateOnly? date = null, string officer = "Hendra Wijaya") => new()
    {
        TicketId = work.TicketId,
        Date = date ?? new DateOnly(2026, 11, 27),
        Time = new TimeOnly(9, 30),
        OfficerName = officer,
        Documents = KppDocuments.RequestForm | KppDocuments.CompanyDeed,
    };

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
