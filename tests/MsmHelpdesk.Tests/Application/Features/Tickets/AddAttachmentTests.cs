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

namespace MsmHelpdesk.Tests.Application.Features.Tickets;

public sealed class AddAttachmentTests
{
    public AddAttachmentTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

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
}
