using System.Globalization;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class MergeTicketTests
{
    public MergeTicketTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldCloseTheDuplicateAndShowItsWholeHistoryOnTheOriginal()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var original = await Seed.TicketAsync(app, budi, client);
        var duplicate = await Seed.TicketAsync(app, budi, client, "ETAX-40002 lagi, ditelepon ulang");
        await app.SendAsync(budi, new AddTicketNoteCommand { TicketId = duplicate.Id, Text = "Klien menelepon dua kali" });
        await app.SendAsync(budi, new RecordClientMessageCommand { TicketId = duplicate.Id, Text = "Masih gagal upload" });
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];
        await app.SendAsync(budi, new AddAttachmentCommand { TicketId = duplicate.Id, FileName = "layar.png", Content = png });

        var merged = await app.SendAsync(budi, new MergeTicketCommand { TicketId = duplicate.Id, OriginalNumber = original.Number.ToLowerInvariant() });

        Assert.True(merged.IsSuccess);
        var closed = await DeskSeed.ViewAsync(app, budi, duplicate.Id);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        var mergedInto = Assert.Single(closed.Timeline, e => e.Kind == TimelineKind.MergedInto);
        Assert.Equal((original.Number, "Budi"), (mergedInto.NewValue, mergedInto.ActorName));
        Assert.Equal(original.Number, (await app.SendAsync(budi, new GetTicketLinksQuery { TicketId = duplicate.Id })).Value.MergedIntoNumber);

        var links = (await app.SendAsync(budi, new GetTicketLinksQuery { TicketId = original.Id })).Value;
        var history = Assert.Single(links.MergedFrom);
        Assert.Equal(duplicate.Number, history.Number);
        Assert.Equal(closed.Timeline.Select(e => e.Id), history.Timeline.Select(e => e.Id));
        Assert.Contains(history.Timeline, e => e.Kind == TimelineKind.Note && e.Text == "Klien menelepon dua kali");
        Assert.Contains(history.Timeline, e => e.Kind == TimelineKind.ClientMessage && e.Text == "Masih gagal upload");
        Assert.Equal("layar.png", Assert.Single(history.Attachments).FileName);
        Assert.Equal(duplicate.Number, Assert.Single((await DeskSeed.ViewAsync(app, budi, original.Id)).Timeline, e => e.Kind == TimelineKind.MergedFrom).NewValue);
    }

    [Fact]
    public async Task ShouldRefuseMergingAcrossClientsUnlessAManagerGivesAReason()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var maya = await DeskSeed.ManagerAsync(app);
        var tickets = await DeskSeed.TicketsOfClientsAsync(app, budi, 2);

        var byConsultant = await app.SendAsync(budi, new MergeTicketCommand { TicketId = tickets[1].Id, OriginalNumber = tickets[0].Number, Reason = "salah klien" });
        var noReason = await app.SendAsync(maya, new MergeTicketCommand { TicketId = tickets[1].Id, OriginalNumber = tickets[0].Number });
        var withReason = await app.SendAsync(maya, new MergeTicketCommand { TicketId = tickets[1].Id, OriginalNumber = tickets[0].Number, Reason = "Dicatat di NPWP anak perusahaan" });

        Assert.Equal(["Kedua tiket milik klien yang berbeda. Hanya Manajer yang dapat menggabungkannya, dengan alasan."],
            byConsultant.Error!.FieldErrors[nameof(MergeTicketCommand.OriginalNumber)]);
        Assert.Equal(["Tulis alasan menggabungkan tiket dari klien yang berbeda."], noReason.Error!.FieldErrors[nameof(MergeTicketCommand.Reason)]);
        Assert.True(withReason.IsSuccess);
        var entry = Assert.Single((await DeskSeed.ViewAsync(app, budi, tickets[0].Id)).Timeline, e => e.Kind == TimelineKind.MergedFrom);
        Assert.Equal(("Dicatat di NPWP anak perusahaan", "Maya"), (entry.Text, entry.ActorName));
    }

    [Fact]
    public async Task ShouldRefuseMergingIntoItselfAnUnknownOrAnAlreadyMergedTicketAndSkipMergedOnesInBulk()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var first = await Seed.TicketAsync(app, budi, client);
        var second = await Seed.TicketAsync(app, budi, client);
        var third = await Seed.TicketAsync(app, budi, client);

        var self = await app.SendAsync(budi, new MergeTicketCommand { TicketId = first.Id, OriginalNumber = first.Number });
        var unknown = await app.SendAsync(budi, new MergeTicketCommand { TicketId = first.Id, OriginalNumber = "MSM-2020-000999" });
        var blank = await app.SendAsync(budi, new MergeTicketCommand { TicketId = first.Id, OriginalNumber = "" });
        await app.SendAsync(budi, new MergeTicketCommand { TicketId = second.Id, OriginalNumber = first.Number });
        var intoMerged = await app.SendAsync(budi, new MergeTicketCommand { TicketId = third.Id, OriginalNumber = second.Number });
        var bulk = await app.SendAsync(budi, new BulkChangeTicketPriorityCommand { TicketIds = [second.Id, third.Id], Priority = TicketPriority.High });

        Assert.Equal(["Tiket tidak bisa digabungkan ke dirinya sendiri."], self.Error!.FieldErrors[nameof(MergeTicketCommand.OriginalNumber)]);
        Assert.Equal(["Tiket asli tidak ditemukan; periksa nomornya."], unknown.Error!.FieldErrors[nameof(MergeTicketCommand.OriginalNumber)]);
        Assert.Equal(["Wajib diisi."], blank.Error!.FieldErrors[nameof(MergeTicketCommand.OriginalNumber)]);
        Assert.Equal([$"Tiket {second.Number} sudah digabungkan ke tiket lain."], intoMerged.Error!.FieldErrors[nameof(MergeTicketCommand.OriginalNumber)]);
        Assert.Equal([third.Number], bulk.Value.Changed);
        Assert.Equal($"sudah digabungkan ke {first.Number}", Assert.Single(bulk.Value.Skipped).Reason);
    }
}
