using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Common.Behaviours;

/// <summary>Issue 16: the one input normaliser in the pipeline, and append-only actions that never conflict.</summary>
public sealed class InputNormaliserTests
{
    public InputNormaliserTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Theory]
    [InlineData("ETAX-40002\0 gagal", "karakter kontrol")]
    [InlineData("ETAX-40002 \u0007 gagal", "karakter kontrol")]
    [InlineData("\u200B", "Wajib diisi")]
    [InlineData("\uFEFF \u00A0\u200B", "Wajib diisi")]
    [InlineData("ETAX-40002 \u202Egnp.exe", "pembalik arah")]
    [InlineData("ETAX-40002 \u2066x\u2069", "pembalik arah")]
    [InlineData("Klien: passphrase sertel klien Rahasia123", "passphrase")]
    public async Task ShouldRefuseTextThatMustNotBeStoredNamingTheField(string errorText, string message)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);

        var created = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = errorText });

        Assert.False(created.IsSuccess);
        Assert.Contains(created.Error!.FieldErrors[nameof(CreateTicketCommand.ErrorText)], text => text.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task ShouldTrimInvisibleCharactersAndCheckEveryFreeTextFieldOfEveryCommand()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);

        var created = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "\u200B\uFEFF ETAX-40002 \u00A0" });
        var secretInActivity = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002", SystemVersion = "e-Faktur 4.0 pwd abc12345" });
        var undefinedChannel = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002", Channel = (TicketChannel)99 });
        var farPage = await app.SendAsync(budi, new ListTicketsQuery { Page = int.MaxValue });

        Assert.True(created.IsSuccess);
        Assert.Equal("ETAX-40002", await app.QueryDbAsync(db => db.Tickets.Select(t => t.ErrorText).SingleAsync()));
        Assert.True(secretInActivity.Error!.FieldErrors.ContainsKey(nameof(CreateTicketCommand.SystemVersion)));
        Assert.True(undefinedChannel.Error!.FieldErrors.ContainsKey(nameof(CreateTicketCommand.Channel)));
        Assert.Contains("100000", Assert.Single(farPage.Error!.FieldErrors[nameof(ListTicketsQuery.Page)]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldAcceptThirtyTwoParallelNotesButKeepTheVersionCheckOnEdits()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
        var read = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[32]];

        var appended = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => i % 8 == 7
            ? (Task<bool>)app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = $"layar-{i}.png", Content = png }).ContinueWith(t => t.Result.IsSuccess, TaskScheduler.Default)
            : app.SendAsync(budi, new AddTicketNoteCommand { TicketId = ticket.Id, Text = $"Catatan {i}" }).ContinueWith(t => t.Result.IsSuccess, TaskScheduler.Default)));
        var staleEdit = await app.SendAsync(budi, TicketEdits.Edit(read, "diubah"));

        Assert.All(appended, Assert.True);
        Assert.Equal(28, await app.QueryDbAsync(db => db.TimelineEntries.CountAsync(e => e.TicketId == ticket.Id && e.Kind == TimelineKind.Note)));
        Assert.Equal(4, await app.QueryDbAsync(db => db.Attachments.CountAsync(a => a.TicketId == ticket.Id)));
        Assert.Equal("ticket-changed", staleEdit.Error!.Code);
    }

    [Theory]
    [InlineData("halaman.html", "<!-- dari klien -->\n<p onclick=\"x()\">hai</p>")]
    [InlineData("halaman.htm", "\uFEFF   <div>tanpa tag yang didaftar</div>")]
    [InlineData("catatan.txt", "<!-- komentar -->")]
    [InlineData("gambar.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("data.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></html>")]
    [InlineData("log.txt", "baris 1\n<img src=x onerror=alert(1)>")]
    [InlineData("halaman.html", "teks biasa saja")]
    [InlineData("layar.png", "teks biasa saja")]
    [InlineData("log.txt", "upload gagal, passphrase sertel: Rahasia123")]
    public async Task ShouldRefuseMarkupMismatchedNamesAndSecretsInAttachments(string fileName, string content)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var attached = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = fileName, Content = Encoding.UTF8.GetBytes(content) });

        Assert.False(attached.IsSuccess);
        Assert.True(attached.Error!.FieldErrors.ContainsKey(nameof(AddAttachmentCommand.Content)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Attachments.CountAsync()));
    }

    [Fact]
    public async Task ShouldCleanAttachmentNamesAndStoreTheBytesUnderAGeneratedName()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
        var log = "2026-11-25 ERROR ETAX-40002 <b>koneksi</b> gagal\n"u8.ToArray();

        var attached = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "C:\\Users\\x\\lap\u202Eoran\u200B.log", Content = log });
        var xml = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "faktur.xml", Content = "<?xml version=\"1.0\"?><Faktur><Nomor>010</Nomor></Faktur>"u8.ToArray() });

        Assert.True(attached.IsSuccess);
        Assert.True(xml.IsSuccess);
        var stored = await app.QueryDbAsync(db => db.Attachments.SingleAsync(a => a.Id == attached.Value));
        Assert.Equal(("laporan.log", "text/plain"), (stored.FileName, stored.ContentType));
        Assert.DoesNotContain("laporan", stored.StorageKey, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{4}-[0-9]{2}/[0-9a-f]{32}$", stored.StorageKey);
    }

    [Fact]
    public async Task ShouldRefuseAnImportedRowWithAPassphraseInAnyCell()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var csv = "name,npwp,catatan\nPT Aman,01.234.567.4-018.000,kirim faktur tiap bulan\nPT Bocor,02.187.654.5-062.000,passphrase sertel klien Rahasia123\n";

        var report = (await app.SendAsync(budi, new ImportClientsCommand { Content = Encoding.UTF8.GetBytes(csv) })).Value;

        Assert.Equal(1, report.Created);
        Assert.Equal(3, Assert.Single(report.Problems).Line);
        Assert.Contains("passphrase", report.Problems[0].Reason, StringComparison.Ordinal);
    }
}
