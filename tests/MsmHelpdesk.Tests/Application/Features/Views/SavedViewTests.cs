using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Views;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Views;

public sealed class SavedViewTests
{
    public SavedViewTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static readonly TicketViewFilters UrgentOfMine = new()
    {
        Queue = TicketQueue.Mine,
        Statuses = [TicketStatus.InProgress, TicketStatus.WaitingOnKpp],
        Priorities = [TicketPriority.Urgent],
        SlaStates = [SlaState.AtRisk],
        ErrorCode = "ETAX-40002",
        From = new DateOnly(2026, 11, 1),
        Search = "sertifikat",
        SortBy = TicketSort.Priority,
        Descending = false,
    };

    [Fact]
    public async Task ShouldKeepEachUsersViewsToThemselves()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var sari = await Seed.ConsultantAsync(app, "sari@msm.co.id", "Sari");

        var saved = await app.SendAsync(budi, new SaveTicketViewCommand { Name = " Mendesak saya ", Filters = UrgentOfMine });
        await app.SendAsync(sari, new SaveTicketViewCommand { Name = "Mendesak saya", Filters = new TicketViewFilters { Queue = TicketQueue.Unassigned } });
        var budisViews = (await app.SendAsync(budi, new ListTicketViewsQuery())).Value;
        var sarisViews = (await app.SendAsync(sari, new ListTicketViewsQuery())).Value;
        var sariDeletesBudis = await app.SendAsync(sari, new DeleteTicketViewCommand { ViewId = saved.Value });

        var view = Assert.Single(budisViews);
        Assert.Equal((saved.Value, "Mendesak saya"), (view.Id, view.Name));
        Assert.Equal(UrgentOfMine.ToJson(), view.Filters.ToJson());
        Assert.Equal(TicketQueue.Unassigned, Assert.Single(sarisViews).Filters.Queue);
        Assert.Equal(ErrorKind.NotFound, sariDeletesBudis.Error!.Kind);
        Assert.Single((await app.SendAsync(budi, new ListTicketViewsQuery())).Value);

        Assert.True((await app.SendAsync(budi, new DeleteTicketViewCommand { ViewId = saved.Value })).IsSuccess);
        Assert.Empty((await app.SendAsync(budi, new ListTicketViewsQuery())).Value);
        Assert.Single((await app.SendAsync(sari, new ListTicketViewsQuery())).Value);
    }

    [Fact]
    public async Task ShouldRequireANameThatIsUniquePerUser()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        await app.SendAsync(budi, new SaveTicketViewCommand { Name = "Hari ini", Filters = UrgentOfMine });

        var blank = await app.SendAsync(budi, new SaveTicketViewCommand { Name = "  ", Filters = UrgentOfMine });
        var taken = await app.SendAsync(budi, new SaveTicketViewCommand { Name = "Hari ini ", Filters = new TicketViewFilters() });
        var tooLong = await app.SendAsync(budi, new SaveTicketViewCommand { Name = new string('a', 81) });
        var badDates = await app.SendAsync(budi, new SaveTicketViewCommand { Name = "Terbalik", Filters = new TicketViewFilters { From = new DateOnly(2026, 11, 2), To = new DateOnly(2026, 11, 1) } });

        Assert.Equal(["Wajib diisi."], blank.Error!.FieldErrors[nameof(SaveTicketViewCommand.Name)]);
        Assert.Equal(["Anda sudah punya tampilan dengan nama ini."], taken.Error!.FieldErrors[nameof(SaveTicketViewCommand.Name)]);
        Assert.Equal(["Maksimal 80 karakter."], tooLong.Error!.FieldErrors[nameof(SaveTicketViewCommand.Name)]);
        Assert.Equal(["Tanggal akhir harus sama dengan atau sesudah tanggal awal."], badDates.Error!.FieldErrors["Filters.To"]);
        Assert.Equal(["Hari ini"], (await app.SendAsync(budi, new ListTicketViewsQuery())).Value.Select(v => v.Name));
    }

    [Fact]
    public async Task ShouldReadAViewWhoseStoredFiltersNoLongerParseAsTheDefaults() =>
        Assert.Equal(new TicketViewFilters().ToJson(), TicketViewFilters.FromJson("{\"Queue\":\"Gone\"}").ToJson());
}
