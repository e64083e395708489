using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace MsmHelpdesk.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ResolutionStepsTests(Chromium chromium)
{
    private const string Password = "Rahasia12345";

    [Fact]
    public async Task ShouldTakeAnExpiredCertificateTicketThroughItsStepsAndAKppVisitToResolved()
    {
        await using var server = new LiveServer();
        var baseUrl = server.BaseUrl;
        var identity = server.Services.GetRequiredService<IIdentityService>();
        await identity.CreateFirstAdminAsync(new NewUser("admin@msm.co.id", "Admin", Password, [Roles.Admin]), CancellationToken.None);
        await identity.CreateUserAsync(new NewUser("sari@msm.co.id", "Sari Konsultan", Password, [Roles.Consultant]), CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        var scriptRan = false;
        page.Dialog += (_, dialog) => { scriptRan = true; _ = dialog.DismissAsync(); };
        await page.SignInAsync("sari@msm.co.id", Password);

        // A client whose certificate ran out, with its officer (pengurus) and a contact on WhatsApp.
        await page.GotoAsync("/clients/new");
        await page.WaitUntilInteractiveAsync();
        await page.FillAsync("#client-name", "PT Maju Jaya");
        await page.FillAsync("#client-npwp", "01.234.567.4-901.000");
        await page.FillAsync("#client-kpp", "KPP Pratama Jakarta Setiabudi Satu");
        await page.FillAsync("#client-cert-issued", "10/01/2023");
        await page.ClickAsync("#add-officer");
        await page.FillAsync("#officer-name-0", "Hendra Wijaya");
        await page.ClickAsync("#save-client");
        await Expect(page.Locator("#client-npwp-value")).ToHaveTextAsync("01.234.567.4-901.000");
        await page.FillAsync("#contact-name", "Ani");
        await page.FillAsync("#contact-phone", "0812-3456-7890");
        await page.ClickAsync("#add-contact");
        await Expect(page.Locator("#client-contacts")).ToContainTextAsync("6281234567890");

        // The ETAX-40002 ticket, its text pointing to the expired certificate.
        await page.ClickAsync("#client-new-ticket");
        // As the other new-ticket tests do: text typed before the page has loaded its client can be lost (CI, 2026-12-07).
        await Expect(page.Locator("#ticket-client")).ToHaveValueAsync(new Regex("PT Maju"));
        await page.Locator("#ticket-error-text").PressSequentiallyAsync("ETAX-40002 waktu upload, sertifikat sudah lebih dari 2 tahun");
        await page.ClickAsync("#ticket-contact");
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Ani" }).ClickAsync();
        await Expect(page.Locator("#diagnosis-cause")).ToContainTextAsync("Sertifikat kedaluwarsa");
        await page.ClickAsync("#save-ticket");
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(new Regex(@"MSM-\d{4}-000001"));
        var number = await page.Locator("#ticket-number").TextContentAsync();
        await Expect(page.Locator("#steps-empty")).ToBeVisibleAsync();
        await page.ClickAsync("#move-triaged");
        await page.ClickAsync("#move-inprogress");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Dikerjakan");

        // Confirming "expired" puts the renewal playbook on the ticket.
        await page.ClickAsync("#confirm-diagnosis");
        var steps = page.Locator("#ticket-steps .ticket-step");
        await Expect(steps).ToHaveCountAsync(7);
        await Expect(steps.First).ToContainTextAsync("tanggal kedaluwarsa");
        await Expect(page.Locator("#step-3")).ToContainTextAsync("Jadwalkan kunjungan");

        // Resolving is refused while required steps are open; a consultant gets no override.
        await page.FillAsync("#resolution-summary", "Sertifikat baru diimpor, upload normal");
        await page.ClickAsync("#move-resolved");
        await Expect(page.Locator("#status-error")).ToContainTextAsync("langkah wajib");
        await Expect(page.Locator("#resolve-blocked li")).ToHaveCountAsync(7);
        await Expect(page.Locator("#override-resolve")).ToHaveCountAsync(0);
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Dikerjakan");

        // Schedule the KPP visit: the officer comes from the client's pengurus.
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date).AddDays(3);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1); // KPPs are closed at weekends: the form refuses those days
        }

        await page.ClickAsync("#visit-new");
        await page.FillAsync("#visit-date", day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.FillAsync("#visit-time", "10:30");
        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Pengurus yang datang" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Hendra Wijaya" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Konsultan pendamping" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Sari Konsultan" }).ClickAsync();
        var form = page.Locator("#visit-form");
        await form.GetByText("akta perusahaan", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await form.GetByText("NPWP pengurus", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.FillAsync("#visit-notes", "<b>bawa</b> stempel <script>alert(1)</script>");
        await page.ClickAsync("#visit-save");
        var visit = page.Locator("#ticket-visits .kpp-visit");
        await Expect(visit).ToHaveCountAsync(1);
        await Expect(visit).ToContainTextAsync("10.30 WIB");
        await Expect(visit).ToContainTextAsync("Hendra Wijaya");
        await Expect(visit.Locator(".visit-missing")).ToContainTextAsync("KTP pengurus");
        await Expect(visit.Locator(".visit-missing")).Not.ToContainTextAsync("akta perusahaan");
        await Expect(visit.Locator(".visit-notes")).ToHaveTextAsync("<b>bawa</b> stempel <script>alert(1)</script>");
        var whatsapp = await visit.Locator(".visit-whatsapp").GetAttributeAsync("href");
        Assert.StartsWith("https://wa.me/6281234567890?text=", whatsapp, StringComparison.Ordinal);
        var message = Uri.UnescapeDataString(whatsapp!.Split("text=")[1]);
        Assert.Contains("Hendra Wijaya", message, StringComparison.Ordinal);
        Assert.Contains("10.30 WIB", message, StringComparison.Ordinal);
        Assert.Contains("KPP Pratama Jakarta Setiabudi Satu", message, StringComparison.Ordinal);
        await Expect(page.Locator("#timeline")).ToContainTextAsync("menjadwalkan kunjungan KPP");

        // The visit is on my agenda, under its day, with its missing documents, linking to the ticket.
        await page.GotoAsync("/visits");
        await page.WaitUntilInteractiveAsync();
        var agendaDay = page.Locator($".agenda-day[data-day='{day:yyyy-MM-dd}']");
        await Expect(agendaDay).ToContainTextAsync(number!);
        await Expect(agendaDay).ToContainTextAsync("Hendra Wijaya");
        await Expect(agendaDay.Locator(".agenda-missing")).ToContainTextAsync("swafoto memegang KTP");
        await agendaDay.Locator(".agenda-ticket").ClickAsync();
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(number!);
        await page.WaitUntilInteractiveAsync();

        // Work the steps: skipping needs a reason; the rest are done.
        await page.Locator("#step-2 .step-skip").ClickAsync();
        await page.Locator("#step-2 .step-skip-confirm").ClickAsync();
        await Expect(page.Locator("#step-2")).ToContainTextAsync("Tulis alasan melewati langkah ini");
        await page.Locator("#step-2 .step-skip-reason-input input").FillAsync("Dokumen sudah lengkap di kunjungan sebelumnya <img src=x onerror=alert(2)>");
        await page.Locator("#step-2 .step-skip-confirm").ClickAsync();
        await Expect(page.Locator("#step-2")).ToHaveAttributeAsync("data-status", "Skipped");
        await Expect(page.Locator("#step-2 .step-skip-reason")).ToContainTextAsync("<img src=x onerror=alert(2)>");
        await Expect(page.Locator("#step-3")).ToHaveAttributeAsync("data-status", "Done");
        await Expect(page.Locator("#step-3 .step-fact")).ToContainTextAsync("kunjungan KPP dijadwalkan");
        foreach (var order in new[] { 1, 5, 6 })
        {
            await page.Locator($"#step-{order} .step-done").ClickAsync();
            await Expect(page.Locator($"#step-{order}")).ToHaveAttributeAsync("data-status", "Done");
        }

        // The visit and the client's certificate dates are facts: no tick finishes those steps, and the ticket
        // cannot be resolved while the visit (still in the future) has no outcome.
        await Expect(page.Locator("#step-4 .step-done")).ToHaveCountAsync(0);
        await Expect(page.Locator("#step-7 .step-done")).ToHaveCountAsync(0);
        await page.FillAsync("#resolution-summary", "Sertifikat baru diimpor, upload normal");
        await page.ClickAsync("#move-resolved");
        await Expect(page.Locator("#status-error")).ToContainTextAsync("langkah wajib");
        await Expect(page.Locator("#resolve-blocked li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#resolve-blocked")).ToContainTextAsync("hasil kunjungan KPP dicatat");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Dikerjakan");

        // The guard leads to the visit: its outcome, certificate issued today, finishes both steps.
        await page.Locator("#resolve-blocked .resolve-fact-link").First.ClickAsync();
        await visit.Locator(".visit-outcome-open").ClickAsync();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date);
        await page.FillAsync("#visit-issued-on", today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.ClickAsync("#visit-outcome-save");
        await Expect(page.Locator("#step-4")).ToHaveAttributeAsync("data-status", "Done");
        await Expect(page.Locator("#step-7")).ToHaveAttributeAsync("data-status", "Done");
        await Expect(page.Locator("#step-4 .step-fact")).ToContainTextAsync("Selesai karena hasil kunjungan KPP dicatat");
        await Expect(page.Locator("#header-client")).ToContainTextAsync("Berlaku");

        await Expect(page.Locator("#resolve-blocked")).ToHaveCountAsync(0);
        await page.FillAsync("#resolution-summary", "Sertifikat baru diimpor, upload normal");
        await page.ClickAsync("#move-resolved");
        await Expect(page.Locator("#ticket-status")).ToHaveTextAsync("Selesai");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("mengubah status langkah");
        Assert.False(scriptRan);
    }
}
