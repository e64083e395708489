using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application;

public sealed class TicketTests
{
    private static readonly int Year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

    public TicketTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldNumberTicketsSequentiallyPerYearEvenWhenCreatedConcurrently()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);

        var created = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service" }))));

        Assert.All(created, result => Assert.True(result.IsSuccess, result.Error?.Message));
        Assert.Equal(
            Enumerable.Range(1, 12).Select(n => $"MSM-{Year}-{n:D6}"),
            created.Select(result => result.Value.Number).Order());
    }

    [Fact]
    public async Task ShouldKeepTheFullErrorTextAndFindItsCode()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);

        var created = await app.SendAsync(budi, new CreateTicketCommand
        {
            ClientNpwp = "0012345674901000",
            ErrorText = "ETAXSERVICE-40002 : User tidak ditemukan",
            Channel = TicketChannel.WhatsApp,
            Priority = TicketPriority.High,
        });
        var ticket = (await app.SendAsync(budi, new GetTicketQuery { Number = created.Value.Number.ToLowerInvariant() })).Value;

        Assert.Equal(client, ticket.ClientId);
        Assert.Equal("ETAXSERVICE-40002 : User tidak ditemukan", ticket.ErrorText);
        Assert.Equal("ETAXSERVICE-40002", ticket.ErrorCode);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal([TicketStatus.Triaged], ticket.NextStatuses);
        Assert.Equal(TimelineKind.Created, Assert.Single(ticket.Timeline).Kind);
    }

    [Fact]
    public async Task ShouldReportAnUnknownClientAndAContactOfAnotherClient()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, budi);
        var other = await Seed.ClientAsync(app, budi, "CV Lain", Seed.OtherNpwp);
        var contact = (await app.SendAsync(budi, new AddClientContactCommand { ClientId = other, Name = "Ani", Email = "ani@lain.co.id" })).Value;

        var unknown = await app.SendAsync(budi, new CreateTicketCommand { ClientNpwp = "02.123.456.2-011.002", ErrorText = "ETAX-40002" });
        var wrongContact = await app.SendAsync(budi, new CreateTicketCommand { ClientId = client, ContactId = contact, ErrorText = "ETAX-40002" });

        Assert.Equal(ErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal(["Kontak ini bukan kontak klien tersebut."], wrongContact.Error!.FieldErrors["ContactId"]);
    }

    [Fact]
    public async Task ShouldMoveThroughTheStatusesRefuseIllegalMovesAndNeedASummary()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var illegal = await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved, ResolutionSummary = "x" });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Triaged });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.InProgress });
        await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.WaitingOnClient });
        var noSummary = await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved });
        var resolved = await app.SendAsync(budi, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat diunduh ulang dari e-Nofa" });
        var view = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        Assert.Equal(["Status tidak bisa diubah dari Baru ke Selesai."], illegal.Error!.FieldErrors["To"]);
        Assert.Equal(["Isi ringkasan penyelesaian sebelum menandai tiket selesai."], noSummary.Error!.FieldErrors["ResolutionSummary"]);
        Assert.True(resolved.IsSuccess);
        Assert.Equal(TicketStatus.Resolved, view.Status);
        Assert.Equal("Sertifikat diunduh ulang dari e-Nofa", view.ResolutionSummary);
        Assert.Equal(5, view.Timeline.Count(entry => entry.Kind is TimelineKind.StatusChanged or TimelineKind.Created));
    }

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

    [Fact]
    public async Task ShouldRefuseAPassphraseInANoteUntilItIsRedacted()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var withSecret = await app.SendAsync(budi, new AddTicketNoteCommand { TicketId = ticket.Id, Text = "Klien kirim passphrase: Rahasia2024 lewat WA" });
        var redacted = await app.SendAsync(budi, new AddTicketNoteCommand { TicketId = ticket.Id, Text = SecretGuard.Redact("Klien kirim passphrase: Rahasia2024 lewat WA") });
        var view = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        Assert.True(withSecret.Error!.FieldErrors.ContainsKey("Text"));
        Assert.True(redacted.IsSuccess);
        Assert.Equal("Klien kirim passphrase: [disamarkan] lewat WA", view.Timeline.Last().Text);
        Assert.DoesNotContain(view.Timeline, entry => entry.Text?.Contains("Rahasia2024", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ShouldAssignOnlyToActiveUsers()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));

        var assigned = await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = budi.UserId });
        var nobody = await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = "ghost" });
        var view = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;

        Assert.True(assigned.IsSuccess);
        Assert.Equal(["Petugas harus pengguna aktif."], nobody.Error!.FieldErrors["AssigneeId"]);
        Assert.Equal("Budi", view.AssigneeName);
    }

    [Fact]
    public async Task ShouldStoreAScreenshotAndRefuseHtmlOrOversizedFiles()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];

        var stored = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "../../etc/layar.png", Content = png });
        var svg = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "gambar.png", Content = Encoding.UTF8.GetBytes("<svg onload=alert(1)>") });
        var huge = await app.SendAsync(budi, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "besar.log", Content = new byte[Attachment.MaxBytes + 1] });
        var download = await app.SendAsync(budi, new GetAttachmentQuery(stored.Value));
        await using var content = download.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);

        Assert.Equal(("layar.png", "image/png"), (download.Value.FileName, download.Value.ContentType));
        Assert.Equal(png, copy.ToArray());
        Assert.True(svg.Error!.FieldErrors.ContainsKey("Content"));
        Assert.Equal(["Berkas terlalu besar; maksimal 10 MB."], huge.Error!.FieldErrors["Content"]);
        var view = (await app.SendAsync(budi, new GetTicketQuery { TicketId = ticket.Id })).Value;
        Assert.Equal("layar.png", Assert.Single(view.Attachments).FileName);
        Assert.Contains(view.Timeline, entry => entry.Kind == TimelineKind.AttachmentAdded && entry.Text == "layar.png");
    }

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

    [Fact]
    public async Task ShouldNeverLetTheProductChangeOrDeleteATimelineEntry()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var ticket = await Seed.TicketAsync(app, budi, await Seed.ClientAsync(app, budi));
        await using var db = await app.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        var entry = await db.TimelineEntries.FirstAsync(e => e.TicketId == ticket.Id);

        db.TimelineEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ShouldOfferOnlyActiveStaffForAssignmentAndCountMyOpenTicketsAtHome()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var citra = await Seed.ConsultantAsync(app, "citra@msm.co.id", "Citra");
        await app.Identity.SetActiveAsync(citra.UserId!, false, CancellationToken.None);
        var client = await Seed.ClientAsync(app, budi);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var ticket = await Seed.TicketAsync(app, budi, client);
            await app.SendAsync(budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = budi.UserId });
        }

        var staff = await app.SendAsync(budi, new ListStaffQuery());
        var home = await app.SendAsync(budi, new MsmHelpdesk.Application.Features.Home.GetHomeQuery());

        Assert.Equal(["Budi"], staff.Value.Select(member => member.DisplayName));
        Assert.Equal(3, home.Value.MyOpenTickets);
    }

    private static UpdateTicketCommand Edit(TicketView loaded, string description) => new()
    {
        TicketId = loaded.Id,
        ExpectedVersion = loaded.Version,
        ContactId = loaded.ContactId,
        Channel = loaded.Channel,
        ErrorText = loaded.ErrorText,
        Activity = loaded.Activity,
        SystemVersion = loaded.SystemVersion,
        Description = description,
        Priority = loaded.Priority,
        ReportedAt = loaded.ReportedAt,
    };
}
