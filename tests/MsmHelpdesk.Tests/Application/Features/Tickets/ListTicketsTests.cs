using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.TicketEdits;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class ListTicketsTests
{
    public ListTicketsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldListMyUnassignedAndOpenTicketsWithFiltersAndSearch()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var maju = await Seed.ClientAsync(app, budi, "PT Maju Jaya", Seed.ValidNpwp);
        var sentosa = await Seed.ClientAsync(app, budi, "CV Sentosa Makmur", Seed.OtherNpwp);
        var mine = await Seed.TicketAsync(app, budi, maju, "ETAX-40002: Error di Service");
        await app.SendAsync(budi, new AssignTicketCommand { TicketId = mine.Id, AssigneeId = budi.UserId });
        var unassigned = await Seed.TicketAsync(app, budi, sentosa, "ETAX-20018 Range Nomor Faktur tidak tersedia");
        var done = await Seed.TicketAsync(app, budi, sentosa, "ETAX-40001 Tidak dapat menghubungi server");
        foreach (var status in new[] { TicketStatus.Triaged, TicketStatus.InProgress })
        {
            await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = done.Id, To = status });
        }

        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = done.Id, To = TicketStatus.Resolved, ResolutionSummary = "Proxy dimatikan" });

        async Task<string[]> Numbers(ListTicketsQuery query) =>
            (await app.SendAsync(budi, query)).Value.Items.Select(row => row.Number).Order().ToArray();

        Assert.Equal([mine.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.Mine }));
        Assert.Equal([unassigned.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.Unassigned }));
        Assert.Equal([mine.Number, unassigned.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.AllOpen }));
        Assert.Equal([done.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, Statuses = [TicketStatus.Resolved] }));
        Assert.Equal([done.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, ErrorCode = "etax-40001" }));
        Assert.Equal([unassigned.Number, done.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, Search = "sentosa" }));
        Assert.Equal([mine.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, Search = "01.234.567.4" }));
        Assert.Equal([unassigned.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, Search = "range nomor" }));
        Assert.Equal([done.Number], await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, Search = done.Number }));
        Assert.Empty(await Numbers(new ListTicketsQuery { Queue = TicketQueue.All, Search = "100%_" }));
        var page = await app.SendAsync(budi, new ListTicketsQuery { Queue = TicketQueue.All, PageSize = 2, SortBy = TicketSort.Number, Descending = false });
        Assert.Equal((3, 2), (page.Value.TotalCount, page.Value.Items.Count));
        Assert.Equal("PT Maju Jaya", page.Value.Items[0].ClientName);
        Assert.Empty((await app.SendAsync(budi, new ListTicketsQuery { Queue = TicketQueue.All, From = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)) })).Value.Items);
    }

    [Fact]
    public async Task ShouldFindAnEditedTicketByItsNewWordsOnly()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
        var loaded = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;
        await app.SendAsync(budi, Edit(loaded, "laptop baru dari gudang"));
        var edited = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;
        await app.SendAsync(budi, Edit(edited, "proxy kantor memblokir"));

        async Task<int> Count(string search) =>
            (await app.SendAsync(budi, new ListTicketsQuery { Queue = TicketQueue.All, Search = search })).Value.TotalCount;

        Assert.Equal(1, await Count("proxy kantor"));
        Assert.Equal(0, await Count("gudang"));
        Assert.Equal(1, await Count("PROXY"));
    }
}
