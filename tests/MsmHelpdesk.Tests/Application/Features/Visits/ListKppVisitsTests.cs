using System.Globalization;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.WorkFixture;

namespace MsmHelpdesk.Tests.Application.Features.Visits;

public sealed class ListKppVisitsTests
{
    public ListKppVisitsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldListUpcomingVisitsMineOrAllSoonestFirstPagedInTheDatabase()
    {
        await using var work = await WorkFixture.StartAsync();
        var siti = await Seed.ConsultantAsync(work.App, "siti@msm.co.id", "Siti");
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 12, 3)));
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 27)));
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 30)) with { AssigneeId = siti.UserId });
        var past = (await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 26)) with { Time = new TimeOnly(10, 0) })).Value;
        work.Clock.Advance(TimeSpan.FromDays(1));

        var mine = (await work.App.SendAsync(work.Budi, new ListKppVisitsQuery { MineOnly = true })).Value;
        var allFirst = (await work.App.SendAsync(work.Budi, new ListKppVisitsQuery { MineOnly = false, PageSize = 2 })).Value;
        var allSecond = (await work.App.SendAsync(work.Budi, new ListKppVisitsQuery { MineOnly = false, PageSize = 2, Page = 2 })).Value;
        var sitis = (await work.App.SendAsync(siti, new ListKppVisitsQuery { MineOnly = true })).Value;

        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 3)], mine.Items.Select(v => v.DayWib));
        Assert.Equal(3, allFirst.TotalCount);
        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30)], allFirst.Items.Select(v => v.DayWib));
        Assert.Equal([new DateOnly(2026, 12, 3)], allSecond.Items.Select(v => v.DayWib));
        Assert.Equal(("Siti", work.TicketNumber, "PT Maju Jaya"), (sitis.Items.Single().AssigneeName, sitis.Items.Single().TicketNumber, sitis.Items.Single().ClientName));
        Assert.DoesNotContain(allFirst.Items.Concat(allSecond.Items), v => v.Id == past);
        Assert.Equal(KppDocuments.OfficerKtp | KppDocuments.OfficerNpwp | KppDocuments.SelfieWithKtp | KppDocuments.NewPassphraseChosen, mine.Items[0].Missing);
    }
}
