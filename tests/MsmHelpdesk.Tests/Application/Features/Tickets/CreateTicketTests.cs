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

public sealed class CreateTicketTests
{
    private static readonly int Year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;

    public CreateTicketTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

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
}
