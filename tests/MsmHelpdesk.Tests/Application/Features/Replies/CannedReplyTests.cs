using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Replies;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Replies;

public sealed class CannedReplyTests
{
    public CannedReplyTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static SaveCannedReplyCommand Resolved() => new()
    {
        Name = "Sertifikat terbit",
        Channel = CannedReplyChannel.WhatsApp,
        TextIndonesian = "Halo {{contact}}, sertifikat {{client}} sudah terbit. Tiket {{ticketNumber}} selesai.",
        TextEnglish = "Hello {{contact}}, the certificate of {{client}} has been issued.",
    };

    [Fact]
    public async Task ShouldLetAManagerAddChangeAndDeleteACannedReplyWithEachChangeAudited()
    {
        await using var work = await WorkFixture.StartAsync();

        var id = (await work.App.SendAsync(work.Maya, Resolved())).Value;
        var listed = (await work.App.SendAsync(work.Budi, new ListCannedRepliesQuery { Channel = CannedReplyChannel.WhatsApp })).Value;
        var otherChannel = (await work.App.SendAsync(work.Budi, new ListCannedRepliesQuery { Channel = CannedReplyChannel.Note })).Value;
        var reply = Assert.Single(listed);
        var changed = await work.App.SendAsync(work.Maya, Resolved() with { Id = id, ExpectedVersion = reply.Version, Name = "Sertifikat sudah terbit" });
        var stale = await work.App.SendAsync(work.Maya, Resolved() with { Id = id, ExpectedVersion = reply.Version, Name = "Versi lama" });
        var deleted = await work.App.SendAsync(work.Maya, new DeleteCannedReplyCommand { Id = id });

        Assert.Equal(("Sertifikat terbit", "Maya"), (reply.Name, reply.UpdatedByName));
        Assert.Empty(otherChannel);
        Assert.True(changed.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
        Assert.True(deleted.IsSuccess);
        Assert.Empty((await work.App.SendAsync(work.Budi, new ListCannedRepliesQuery())).Value);
        var audit = await work.App.QueryDbAsync(db => db.CannedReplyChanges.OrderBy(c => c.Id).Select(c => c.ActorName + ": " + c.Description).ToListAsync());
        Assert.Equal(3, audit.Count);
        Assert.Equal("Maya: added: Sertifikat terbit (WhatsApp)", audit[0]);
        Assert.Equal("Maya: changed: Sertifikat terbit (WhatsApp) → Sertifikat sudah terbit (WhatsApp)", audit[1]);
        Assert.StartsWith("Maya: removed: Sertifikat sudah terbit (WhatsApp): Halo {{contact}}", audit[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRefuseUnknownFieldsAnEmptyTextADuplicateNameAndAPassphrase()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Maya, Resolved());

        var unknown = await work.App.SendAsync(work.Maya, Resolved() with { Name = "Lain", TextIndonesian = "Halo {{klien}}" });
        var empty = await work.App.SendAsync(work.Maya, Resolved() with { Name = "Kosong", TextIndonesian = "  " });
        var duplicate = await work.App.SendAsync(work.Maya, Resolved());
        var sameNameOtherChannel = await work.App.SendAsync(work.Maya, Resolved() with { Channel = CannedReplyChannel.Note });
        var secret = await work.App.SendAsync(work.Maya, Resolved() with { Name = "Rahasia", TextEnglish = "passphrase: Rahasia123!" });

        Assert.Equal("Kolom tidak dikenal: {{klien}}. Kolom yang bisa dipakai: {{client}}, {{ticketNumber}}, {{consultant}}, {{cause}}, {{contact}}, {{status}}.",
            Assert.Single(unknown.Error!.FieldErrors[nameof(SaveCannedReplyCommand.TextIndonesian)]));
        Assert.True(empty.Error!.FieldErrors.ContainsKey(nameof(SaveCannedReplyCommand.TextIndonesian)));
        Assert.Equal("Sudah ada balasan siap pakai dengan nama ini untuk saluran yang sama.", Assert.Single(duplicate.Error!.FieldErrors[nameof(SaveCannedReplyCommand.Name)]));
        Assert.True(sameNameOtherChannel.IsSuccess);
        Assert.True(secret.Error!.FieldErrors.ContainsKey(nameof(SaveCannedReplyCommand.TextEnglish)));
        Assert.Equal(2, (await work.App.SendAsync(work.Budi, new ListCannedRepliesQuery())).Value.Count);
    }

    [Fact]
    public async Task ShouldRefuseAConsultantManagingCannedRepliesInThePipeline()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Maya, Resolved())).Value;

        var added = await work.App.SendAsync(work.Budi, Resolved() with { Name = "Punya Budi" });
        var deleted = await work.App.SendAsync(work.Budi, new DeleteCannedReplyCommand { Id = id });

        Assert.Equal(ErrorKind.Forbidden, added.Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, deleted.Error?.Kind);
        Assert.Single((await work.App.SendAsync(work.Budi, new ListCannedRepliesQuery())).Value);
        Assert.Equal(1, await work.App.QueryDbAsync(db => db.CannedReplyChanges.CountAsync()));
    }

    [Fact]
    public async Task ShouldKeepAReplySentToTheClientOnTheTimelineWithItsChannel()
    {
        await using var work = await WorkFixture.StartAsync();

        var sent = await work.App.SendAsync(work.Budi, new SendTicketReplyCommand { TicketId = work.TicketId, Channel = ReplyChannel.WhatsApp, Text = "Halo Ani, sertifikat sudah terbit." });
        var secret = await work.App.SendAsync(work.Budi, new SendTicketReplyCommand { TicketId = work.TicketId, Channel = ReplyChannel.Email, Text = "passphrase: Rahasia123!" });

        Assert.True(sent.IsSuccess);
        Assert.False(secret.IsSuccess);
        var reply = Assert.Single(await work.TimelineAsync(TimelineKind.ReplySent));
        Assert.Equal(("WhatsApp", "Halo Ani, sertifikat sudah terbit.", "Budi"), (reply.Field, reply.Text, reply.ActorName));
    }
}
