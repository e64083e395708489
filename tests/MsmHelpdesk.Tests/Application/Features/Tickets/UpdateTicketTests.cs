using System.Globalization;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.TicketEdits;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class UpdateTicketTests
{
    public UpdateTicketTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldRefuseAnEditBasedOnAnOlderVersionAndKeepTheOtherEdit()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var citra = await Seed.ConsultantAsync(app, "citra@msm.co.id", "Citra");
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
        var loaded = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        var first = await app.SendAsync(citra, Edit(loaded, "Upload gagal sejak pagi"));
        var second = await app.SendAsync(budi, Edit(loaded, "Klien pindah laptop"));
        var after = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        Assert.True(first.IsSuccess);
        Assert.Equal("ticket-changed", second.Error!.Code);
        Assert.Equal("Tiket ini baru saja diubah oleh Citra. Perubahan Anda belum disimpan; lihat perbedaannya di bawah.", second.Error.Message);
        Assert.Equal("Upload gagal sejak pagi", after.Description);
        var change = Assert.Single(after.Timeline, entry => entry.Kind == TimelineKind.FieldChanged);
        Assert.Equal(("Description", null, "Upload gagal sejak pagi", "Citra"), (change.Field, change.OldValue, change.NewValue, change.ActorName));
    }
}
