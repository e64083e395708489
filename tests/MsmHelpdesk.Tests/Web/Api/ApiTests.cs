using System.Net;
using System.Text.Json;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Api;

public sealed class ApiTests
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task ShouldAnswer401ProblemWhenNoKeyIsSent()
    {
        await using var factory = new HelpdeskWebFactory();

        var list = await WithKey(factory, null).GetAsync("/api/v1/tickets");
        var create = await PostJsonAsync(WithKey(factory, null), "/api/v1/tickets", new { clientNpwp = Npwp(1), errorText = "ETAX-40002" });
        var body = await JsonAsync(list);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(ProblemJson, list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Equal("api-key-missing", body.GetProperty("code").GetString());
        Assert.Equal("Kirim kunci API di header X-Api-Key.", body.GetProperty("title").GetString());
        Assert.StartsWith("ApiKey", list.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msm_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("rahasia")]
    public async Task ShouldAnswer401WhenTheKeyIsWrong(string wrongKey)
    {
        await using var factory = new HelpdeskWebFactory();
        var realKey = await CreateKeyAsync(factory);
        var samePrefixOtherSecret = realKey[..13] + new string('B', 40);

        var wrong = await WithKey(factory, wrongKey).GetAsync("/api/v1/tickets");
        var forged = await WithKey(factory, samePrefixOtherSecret).GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("api-key-invalid", (await JsonAsync(wrong)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ShouldAnswer401WhenTheKeyIsRevoked()
    {
        await using var factory = new HelpdeskWebFactory();
        var key = await CreateKeyAsync(factory);
        var before = await WithKey(factory, key).GetAsync("/api/v1/tickets");

        await RevokeAsync(factory, key);
        var after = await WithKey(factory, key).GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task ShouldAnswer401ToASignedInBrowserWithoutAKey()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        var browser = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(browser, "admin@msm.co.id");

        var home = await browser.GetAsync("/");
        var api = await browser.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(ProblemJson, api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ShouldCreateAClientThenRefuseItsNpwpASecondTime()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var created = await PostJsonAsync(client, "/api/v1/clients", new { name = "PT Maju Jaya", npwp = Npwp(7), kpp = "KPP Pratama Jakarta Setiabudi Satu" });
        var body = await JsonAsync(created);
        var fetched = await client.GetAsync(created.Headers.Location!.OriginalString);
        var duplicate = await PostJsonAsync(client, "/api/v1/clients", new { name = "PT Lain", npwp = Formatted(Npwp(7)) });
        var errors = (await JsonAsync(duplicate)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/clients/{body.GetProperty("id").GetGuid()}", created.Headers.Location.OriginalString);
        Assert.Equal("PT Maju Jaya", body.GetProperty("name").GetString());
        Assert.Equal(Formatted(Npwp(7)), body.GetProperty("npwp").GetString());
        Assert.Equal("KPP Pratama Jakarta Setiabudi Satu", body.GetProperty("kpp").GetString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(ProblemJson, duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NPWP ini sudah terdaftar untuk klien PT Maju Jaya.", errors.GetProperty("npwp")[0].GetString());
    }

    [Fact]
    public async Task ShouldNameEveryBadFieldOfANewClient()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var invalid = await PostJsonAsync(client, "/api/v1/clients", new { name = "", npwp = "01.234.567.0-407.000" });
        var errors = (await JsonAsync(invalid)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Wajib diisi.", errors.GetProperty("name")[0].GetString());
        Assert.StartsWith("Digit kontrol NPWP", errors.GetProperty("npwp")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["name", "npwp"], errors.EnumerateObject().Select(field => field.Name).Order());
    }

    [Fact]
    public async Task ShouldCreateATicketWithTheYearsFirstNumberAndItsLocation()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory, "Portal klien"));
        var npwp = await CreateClientAsync(client, 11);

        var response = await PostJsonAsync(client, "/api/v1/tickets", new
        {
            clientNpwp = Formatted(npwp),
            errorText = "ETAX-40002 Error di Service",
            description = "Gagal upload faktur",
            activity = "Upload faktur",
        });
        var ticket = await JsonAsync(response);
        var number = $"MSM-{Wib.ToWib(DateTimeOffset.UtcNow).Year}-000001";

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/tickets/{number}", response.Headers.Location!.OriginalString);
        Assert.Equal(number, ticket.GetProperty("number").GetString());
        Assert.Equal("New", ticket.GetProperty("status").GetString());
        Assert.Equal("Api", ticket.GetProperty("channel").GetString());
        Assert.Equal("PT Maju Jaya", ticket.GetProperty("clientName").GetString());
        Assert.Equal("ETAX-40002", ticket.GetProperty("errorCode").GetString());
        Assert.Equal("Gagal upload faktur", ticket.GetProperty("description").GetString());
        Assert.True(DateTimeOffset.TryParse(ticket.GetProperty("reportedAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("API: Portal klien", ticket.GetProperty("timeline")[0].GetProperty("actorName").GetString());
        var sla = (await JsonAsync(await client.GetAsync($"/api/v1/tickets/{number}"))).GetProperty("sla");
        Assert.Contains(sla.GetProperty("state").GetString(), new[] { "OnTrack", "AtRisk" });
        Assert.Equal(ticket.GetProperty("sla").GetProperty("firstResponseDueAt").GetString(), sla.GetProperty("dueAt").GetString());
        Assert.InRange(sla.GetProperty("remainingMinutes").GetInt32(), 0, 240);
        var listed = (await JsonAsync(await client.GetAsync("/api/v1/tickets"))).GetProperty("items")[0];
        Assert.Equal(sla.GetProperty("state").GetString(), listed.GetProperty("sla").GetString());
    }

    [Fact]
    public async Task ShouldTakeTheChannelByName()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 12);

        var whatsApp = await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002", channel = "WhatsApp" });
        var fax = await PostRawAsync(client, "/api/v1/tickets", $$"""{"clientNpwp":"{{npwp}}","errorText":"ETAX-40002","channel":"Fax"}""");

        Assert.Equal("WhatsApp", (await JsonAsync(whatsApp)).GetProperty("channel").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, fax.StatusCode);
        Assert.True((await JsonAsync(fax)).GetProperty("errors").TryGetProperty("channel", out _));
    }

    [Fact]
    public async Task ShouldAnswer404WhenTheClientNpwpIsUnknown()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var response = await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = Npwp(99), errorText = "ETAX-40002" });
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("client-not-found", body.GetProperty("code").GetString());
        Assert.Equal("Klien tidak ditemukan.", body.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{\"clientNpwp\": ")]
    [InlineData("bukan json")]
    [InlineData("[1, 2]")]
    public async Task ShouldAnswer400ProblemForABodyThatIsNotAJsonObject(string json)
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var response = await PostRawAsync(client, "/api/v1/tickets", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("malformed-json", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ShouldNameEachMissingOrMistypedFieldOfANewTicket()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 13);

        var missing = await PostJsonAsync(client, "/api/v1/tickets", new { description = "tanpa teks error" });
        var mistyped = await PostRawAsync(client, "/api/v1/tickets", $$"""{"clientNpwp":"{{npwp}}","errorText":40002}""");
        var badNpwp = await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = "123", errorText = "ETAX-40002" });
        var missingErrors = (await JsonAsync(missing)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["clientNpwp", "errorText"], missingErrors.EnumerateObject().Select(field => field.Name).Order());
        Assert.Equal("Wajib diisi.", missingErrors.GetProperty("errorText")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        Assert.Equal("Nilai ini tidak sesuai jenisnya.", (await JsonAsync(mistyped)).GetProperty("errors").GetProperty("errorText")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badNpwp.StatusCode);
        Assert.Equal("NPWP harus 15 atau 16 digit.", (await JsonAsync(badNpwp)).GetProperty("errors").GetProperty("clientNpwp")[0].GetString());
    }

    [Fact]
    public async Task ShouldGetATicketByItsNumberOrAnswer404()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 14);
        var created = await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002" });
        var number = (await JsonAsync(created)).GetProperty("number").GetString()!;

        var found = await client.GetAsync($"/api/v1/tickets/{number.ToLowerInvariant()}");
        var missing = await client.GetAsync("/api/v1/tickets/MSM-2020-999999");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(number, (await JsonAsync(found)).GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("ticket-not-found", (await JsonAsync(missing)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ShouldListTicketsBySearchAndStatusAPageAtATime()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var maju = await CreateClientAsync(client, 21, "PT Maju Jaya");
        var sentosa = await CreateClientAsync(client, 22, "CV Sentosa");
        foreach (var (npwp, error) in new[] { (maju, "ETAX-40002 Error di Service"), (maju, "ETAX-40002 lagi"), (maju, "Sertifikat kedaluwarsa"), (sentosa, "ETAX-40002") })
        {
            Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = error })).StatusCode);
        }

        var secondPage = await JsonAsync(await client.GetAsync("/api/v1/tickets?search=Maju&status=New&page=2&pageSize=2"));
        var searched = await JsonAsync(await client.GetAsync("/api/v1/tickets?search=Sentosa"));
        var resolved = await JsonAsync(await client.GetAsync("/api/v1/tickets?status=Resolved,Closed"));
        var bad = await client.GetAsync("/api/v1/tickets?status=Lost&page=x&pageSize=500");
        var badErrors = (await JsonAsync(bad)).GetProperty("errors");

        Assert.Equal(3, secondPage.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, secondPage.GetProperty("page").GetInt32());
        var last = Assert.Single(secondPage.GetProperty("items").EnumerateArray());
        Assert.Equal("PT Maju Jaya", last.GetProperty("clientName").GetString());
        Assert.Equal("New", last.GetProperty("status").GetString());
        Assert.Equal("CV Sentosa", Assert.Single(searched.GetProperty("items").EnumerateArray()).GetProperty("clientName").GetString());
        Assert.Equal(0, resolved.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["page", "status"], badErrors.EnumerateObject().Select(field => field.Name).Order());
    }

    [Fact]
    public async Task ShouldRefuseAPageSizeOutOfRangeNamingIt()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var response = await client.GetAsync("/api/v1/tickets?pageSize=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task ShouldAddANoteThatThenAppearsOnTheTicket()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory, "ERP kantor"));
        var npwp = await CreateClientAsync(client, 31);
        var number = (await JsonAsync(await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002" })))
            .GetProperty("number").GetString();

        var added = await PostJsonAsync(client, $"/api/v1/tickets/{number}/notes", new { text = "Klien mengirim ulang faktur." });
        var empty = await PostJsonAsync(client, $"/api/v1/tickets/{number}/notes", new { text = " " });
        var unknown = await PostJsonAsync(client, "/api/v1/tickets/MSM-2020-999999/notes", new { text = "Halo" });
        var timeline = (await JsonAsync(await client.GetAsync($"/api/v1/tickets/{number}"))).GetProperty("timeline").EnumerateArray().ToArray();

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var note = Assert.Single(timeline, entry => entry.GetProperty("kind").GetString() == "Note");
        Assert.Equal("Klien mengirim ulang faktur.", note.GetProperty("text").GetString());
        Assert.Equal("API: ERP kantor", note.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task ShouldKeepHostileTextAsEncodedData()
    {
        const string hostile = "<script>alert('x')</script> & \"kutip\"";
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 41, "<img src=x onerror=alert(1)>");

        var created = await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = hostile });
        var fetched = await client.GetAsync(created.Headers.Location!.OriginalString);
        var raw = await fetched.Content.ReadAsStringAsync();
        var ticket = JsonDocument.Parse(raw).RootElement;

        Assert.Equal("application/json", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(hostile, ticket.GetProperty("errorText").GetString());
        Assert.Equal("<img src=x onerror=alert(1)>", ticket.GetProperty("clientName").GetString());
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldAnswerUnknownApiAddressesWithA404Problem()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var response = await client.GetAsync("/api/v1/invoices");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ShouldServeTheOpenApiDocumentWithoutAKey()
    {
        await using var factory = new HelpdeskWebFactory();

        var response = await factory.Browser().GetAsync("/openapi/v1.json");
        var document = await JsonAsync(response);
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/tickets", paths);
        Assert.Contains("/api/v1/tickets/{number}/notes", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal));
        Assert.Equal("X-Api-Key", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        // The two routes that honour an Idempotency-Key say so; the others do not offer it.
        string[] HeadersOf(string path, string method) => document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!)]
            : [];
        Assert.Equal(["Idempotency-Key"], HeadersOf("/api/v1/tickets", "post"));
        Assert.Equal(["Idempotency-Key"], HeadersOf("/api/v1/tickets/{number}/messages", "post"));
        Assert.Empty(HeadersOf("/api/v1/tickets/{number}/notes", "post"));
    }

    [Fact]
    public async Task ShouldOpenTheApiKeysPageToAdminsOnly()
    {
        await using var factory = new HelpdeskWebFactory();
        await factory.CreateAdminAsync();
        await factory.CreateUserAsync("budi@msm.co.id", Roles.Consultant, Roles.Manager);
        await CreateKeyAsync(factory, "Portal klien");
        var admin = factory.Browser();
        var consultant = factory.Browser();
        await HelpdeskWebFactory.SignInAsync(admin, "admin@msm.co.id");
        await HelpdeskWebFactory.SignInAsync(consultant, "budi@msm.co.id");

        var page = await admin.GetStringAsync("/admin/api-keys");
        var refused = await consultant.GetAsync("/admin/api-keys");

        Assert.Contains("<h1", page, StringComparison.Ordinal);
        Assert.Contains("Kunci API", page, StringComparison.Ordinal);
        Assert.Contains("Portal klien", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied?", HelpdeskWebFactory.RedirectTarget(refused), StringComparison.Ordinal);
    }
}
