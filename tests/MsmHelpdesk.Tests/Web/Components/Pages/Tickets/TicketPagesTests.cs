using System.Net;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Tickets;

public sealed class TicketPagesTests
{
    private static readonly string[] Staff = [Roles.Consultant];

    private static async Task<(HelpdeskWebFactory Factory, string UserId)> StartAsync()
    {
        var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var userId = await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant);
        return (factory, userId);
    }

    [Fact]
    public async Task ShouldServeAttachmentsOnlyToSignedInUsersAsDownloadsThatAreNeverSniffed()
    {
        var (factory, budi) = await StartAsync();
        await using var _ = factory;
        var client = (await factory.SendAsAsync(budi, Staff, new CreateClientCommand { Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp })).Value;
        var ticket = (await factory.SendAsAsync(budi, Staff, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002" })).Value;
        var log = "2026-11-25 10:00 ETAX-40002 <b>koneksi</b> gagal"u8.ToArray();
        var attachment = (await factory.SendAsAsync(budi, Staff, new AddAttachmentCommand { TicketId = ticket.Id, FileName = "uploader.log", Content = log })).Value;

        var anonymous = await factory.Browser().GetAsync($"/attachments/{attachment}");
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");
        var download = await browser.GetAsync($"/attachments/{attachment}");
        var missing = await browser.GetAsync($"/attachments/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("uploader.log", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(log, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("javascript:alert(1)", "javascript:alert(1)")]
    public async Task ShouldRenderHostileTextAsInertText(string hostile, string encoded)
    {
        var (factory, budi) = await StartAsync();
        await using var _ = factory;
        var client = (await factory.SendAsAsync(budi, Staff, new CreateClientCommand { Name = $"PT {hostile}", Npwp = Seed.ValidNpwp, Kpp = hostile })).Value;
        var ticket = (await factory.SendAsAsync(budi, Staff, new CreateTicketCommand { ClientId = client, ErrorText = $"ETAX-40002 {hostile}", Description = hostile })).Value;
        await factory.SendAsAsync(budi, Staff, new AddTicketNoteCommand { TicketId = ticket.Id, Text = hostile });
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var clientPage = await browser.GetStringAsync($"/clients/{client}");
        var ticketPage = await browser.GetStringAsync($"/tickets/{ticket.Number}");
        var list = await browser.GetStringAsync("/clients");

        foreach (var html in new[] { clientPage, ticketPage })
        {
            Assert.Contains(encoded, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("<img src=x", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRenderTheFirstPageOfTicketsOnTheServer()
    {
        var (factory, budi) = await StartAsync();
        await using var _ = factory;
        var client = (await factory.SendAsAsync(budi, Staff, new CreateClientCommand { Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp })).Value;
        var ticket = (await factory.SendAsAsync(budi, Staff, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service" })).Value;
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var html = await browser.GetStringAsync("/tickets?q=All");

        // The rows are in the server's render (the live grid, hidden until it has them, takes over the same page).
        var first = html.IndexOf("id=\"ticket-grid-first\"", StringComparison.Ordinal);
        Assert.True(first >= 0, "no server-rendered first page");
        Assert.True(html.IndexOf(ticket.Number, first, StringComparison.Ordinal) > first);
        Assert.Contains("PT Maju Jaya", html[first..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldServeThePrerenderedNewTicketFormInertUntilItsLiveConnectionStarts()
    {
        await using var factory = (await StartAsync()).Factory;
        var browser = factory.Browser();
        var login = await browser.GetStringAsync("/account/login");
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");

        var html = await browser.GetStringAsync("/tickets/new");

        // The layout's gate is shut in the server's render: text typed there would be lost when the live page replaces it.
        var gate = html.IndexOf("<fieldset class=\"form-gate\" disabled", StringComparison.Ordinal);
        Assert.True(gate >= 0, "the prerendered page's controls are not inside a disabled fieldset");
        Assert.True(html.IndexOf("id=\"ticket-client\"", gate, StringComparison.Ordinal) > gate);
        Assert.True(html.IndexOf("id=\"save-ticket\"", gate, StringComparison.Ordinal) > gate);
        Assert.Contains("aria-busy=\"true\"", html[gate..], StringComparison.Ordinal);
        // The sign-in page is a static form (no live connection follows): nothing may hold it shut.
        Assert.DoesNotContain("form-gate", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldShowTheTicketPageAndItsClientToSignedInStaffOnly()
    {
        var (factory, budi) = await StartAsync();
        await using var _ = factory;
        var client = (await factory.SendAsAsync(budi, Staff, new CreateClientCommand { Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp })).Value;
        var ticket = (await factory.SendAsAsync(budi, Staff, new CreateTicketCommand { ClientId = client, ErrorText = "ETAX-40002: Error di Service" })).Value;
        var browser = factory.Browser();

        var anonymous = await browser.GetAsync($"/tickets/{ticket.Number}");
        await HelpdeskWebFactory.SignInAsync(browser, "budi@msm.co.id");
        var page = await browser.GetStringAsync($"/tickets/{ticket.Number}");
        var unknown = await browser.GetStringAsync("/tickets/MSM-2020-999999");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("ETAX-40002: Error di Service", page, StringComparison.Ordinal);
        Assert.Contains("PT Maju Jaya", page, StringComparison.Ordinal);
        Assert.Contains("Tiket tidak ditemukan.", unknown, StringComparison.Ordinal);
    }
}
