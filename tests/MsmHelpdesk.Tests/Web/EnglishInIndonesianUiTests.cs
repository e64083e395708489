using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web;

/// <summary>
/// English words that leak into the Indonesian screens: in the resources (an Indonesian value equal to its English
/// one) and on the main pages as the server renders them for a Manager in id-ID (the default language).
/// </summary>
public sealed partial class EnglishInIndonesianUiTests
{
    /// <summary>
    /// Common English words of a helpdesk's UI that are not also Indonesian. "Filter" and "status" are left out: both
    /// are Indonesian words too (KBBI); "error" is not (KBBI spells it "eror"; the screens say "galat").
    /// </summary>
    internal static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "save", "cancel", "confirm", "confirmed", "corrected", "ticket", "tickets", "client", "clients", "search",
        "export", "settings", "delete", "edit", "new", "open", "closed", "pending", "resolved", "assigned", "unassigned", "due",
        "report", "reports", "none", "loading", "error", "errors", "submit", "close", "back", "next", "previous", "add", "remove",
        "update", "create", "created", "view", "details", "priority", "assignee", "description", "phone", "date", "today",
        "yesterday", "week", "month", "year", "hours", "minutes", "unknown", "other", "waiting", "progress", "done", "skipped",
        "sign", "logout", "password", "user", "users", "home", "help", "notes", "note", "reply", "send", "sent", "message",
        "messages", "attachment", "attachments", "welcome", "please", "select", "choose", "show", "hide", "more", "less",
        "the", "and", "with", "from", "your", "this", "that", "of", "is", "are", "not", "yes", "contact", "contacts", "visit",
        "visits", "notifications", "incident", "incidents", "schedule", "scheduled", "expired", "certificate", "steps", "step",
    };

    /// <summary>Shared terms Indonesian users write as they are (names of systems, abbreviations, loanwords in use).</summary>
    internal static readonly HashSet<string> SharedTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "e-Faktur", "Coretax", "NPWP", "NITKU", "SLA", "KPP", "DJP", "WhatsApp", "CSV", "XLSX", "API", "email", "e-mail", "PKP", "SPT",
        "MsmHelpdesk", "MSM", "ETAX", "passphrase", "upload", "online", "P90", "ID", "WIB", "PDF", "PNG",
    };

    /// <summary>Names of menus in the tax systems, quoted as the systems spell them.</summary>
    private static readonly string[] SharedPhrases = ["Digital Certificate"];

    [GeneratedRegex(@"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]")]
    private static partial Regex Word();

    /// <summary>Format items ({0}) and canned-reply fields ({{client}}), which are typed as they are, not read.</summary>
    [GeneratedRegex(@"\{\{[^}]*\}\}|\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    /// <summary>The English words of <paramref name="text"/>, placeholders and shared terms left out.</summary>
    internal static IEnumerable<string> EnglishIn(string text) =>
        Word().Matches(SharedPhrases.Aggregate(Placeholder().Replace(text, " "), (rest, phrase) => rest.Replace(phrase, " ", StringComparison.Ordinal)))
            .Select(match => match.Value)
            .Where(word => !SharedTerms.Contains(word))
            .SelectMany(word => word.Split('-'))
            .Where(EnglishWords.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> Values(string path) =>
        XDocument.Load(TestPaths.InRepository(path.Split('/'))).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    [Theory]
    [InlineData("src/MsmHelpdesk.Web/Resources/UiText")]
    [InlineData("src/MsmHelpdesk.Application/Resources/AppText")]
    public void ShouldTranslateEveryIndonesianValueThatIsStillEnglish(string resource)
    {
        var indonesian = Values(resource + ".resx");
        var english = Values(resource + ".en.resx");

        var leaks = indonesian
            .Where(pair => english.TryGetValue(pair.Key, out var en) && en == pair.Value && EnglishIn(pair.Value).Any())
            .Select(pair => $"{pair.Key} = \"{pair.Value}\"")
            .ToArray();

        Assert.True(indonesian.Count > 100, $"only {indonesian.Count} values in {resource}.resx");
        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void ShouldFindEnglishWordsButNotSharedTermsOrIndonesian()
    {
        Assert.Equal(["confirmed"], EnglishIn("Budi menetapkan diagnosis: Upload · Jaringan «confirmed»"));
        Assert.Equal(["Save", "the", "ticket"], EnglishIn("Save the ticket"));
        Assert.Empty(EnglishIn("Kode galat ETAX-40002 di e-Faktur dan Coretax; kirim lewat WhatsApp {0} kepada {{client}}"));
        Assert.Empty(EnglishIn("Menghasilkan di Digital Certificate"));
    }

    [Fact]
    public async Task ShouldShowTheMainPagesInIndonesianWithoutEnglishWords()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var manager = await factory.CreateUserAsync("mira@msm.co.id", Roles.Manager, Roles.Consultant);
        string[] staff = [Roles.Manager, Roles.Consultant];
        var client = (await factory.SendAsAsync(manager, staff, new CreateClientCommand { Name = "PT Maju Jaya", Npwp = Seed.ValidNpwp })).Value;
        var ticket = (await factory.SendAsAsync(manager, staff, new CreateTicketCommand
        {
            ClientId = client,
            ErrorText = "ETAX-40002",
            Description = "Sertifikat elektronik sudah kedaluwarsa saat upload faktur.",
        })).Value;
        await factory.SendAsAsync(manager, staff, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = manager });
        var confirmed = await factory.SendAsAsync(manager, staff, new ConfirmDiagnosisCommand { TicketId = ticket.Id, Scenario = "upload", Cause = "expired-certificate" });
        Assert.True(confirmed.IsSuccess, confirmed.Error?.Message);
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "mira@msm.co.id");

        string[] pages =
        [
            "/", "/tickets", $"/tickets/{ticket.Number}", "/tickets/new", "/clients", $"/clients/{client}", "/visits", "/incidents",
            "/notifications", "/reports", "/reports/classifier", "/admin/sla", "/admin/firm", "/admin/tax-calendar", "/admin/canned-replies",
        ];

        // Not /admin/catalogue: its entries quote the tax systems' own messages ("Certificate EXPIRED"), which stay as DJP writes them.
        var leaks = new List<string>();
        foreach (var page in pages)
        {
            var response = await browser.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            var words = EnglishIn(VisibleText(await response.Content.ReadAsStringAsync())).ToArray();
            if (words.Length > 0)
            {
                leaks.Add($"{page}: {string.Join(", ", words)}");
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.Matches("menetapkan diagnosis: .* \\(saran diko(nfirmasi|reksi)\\)", WebUtility.HtmlDecode(await browser.GetStringAsync($"/tickets/{ticket.Number}")));
    }

    /// <summary>What a reader sees: text between tags and the labels, placeholders and titles; scripts, styles and markup dropped.</summary>
    private static string VisibleText(string html)
    {
        var body = ScriptOrStyle().Replace(html, " ");
        var attributes = string.Join(" ", ReadAttribute().Matches(body).Select(match => match.Groups[2].Value));
        return WebUtility.HtmlDecode(Tag().Replace(body, " ") + " " + attributes);
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b(placeholder|title|aria-label|alt)=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReadAttribute();
}
