using System.Net;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Firm;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Components.Pages.Admin;

public sealed class FirmSettingsPageTests
{
    [Fact]
    public async Task ShouldPutTheSavedFirmNameInTheWhatsAppTextAndTheSignInLogo()
    {
        await using var factory = new HelpdeskWebFactory();
        var mira = await factory.CreateUserAsync("mira@msm.co.id", Roles.Manager, Roles.Consultant);
        string[] staff = [Roles.Manager, Roles.Consultant];
        var before = await factory.Browser().GetStringAsync("/account/login");
        var saved = await factory.SendAsAsync(mira, staff, new UpdateFirmNameCommand { Name = "Kantor Pajak Sejahtera", ShortName = "KPS" });
        var client = (await factory.SendAsAsync(mira, staff, new CreateClientCommand { Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp })).Value;
        var contact = (await factory.SendAsAsync(mira, staff, new AddClientContactCommand { ClientId = client, Name = "Ibu Rina", Phone = "0812-3456-7890" })).Value;
        var ticket = (await factory.SendAsAsync(mira, staff, new CreateTicketCommand { ClientId = client, ContactId = contact, ErrorText = "ETAX-40002" })).Value;
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "mira@msm.co.id");

        var settings = await browser.GetAsync("/admin/firm");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/tickets/{ticket.Number}"));
        var after = await factory.Browser().GetStringAsync("/account/login");

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Contains(">MSM</span>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Contains("value=\"Kantor Pajak Sejahtera\"", await settings.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("kami%20dari%20Kantor%20Pajak%20Sejahtera.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("MSM%20Konsultan", page, StringComparison.Ordinal);
        Assert.Contains(">KPS</span>", after, StringComparison.Ordinal);
    }
}
