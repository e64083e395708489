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

public sealed class AddTicketNoteTests
{
    public AddTicketNoteTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

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
}
