using System.Net;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Api;

public sealed class ClassifyApiTests
{
    [Fact]
    public async Task ShouldClassifyATextWithoutCreatingATicket()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var response = await PostJsonAsync(client, "/api/v1/classify", new { text = "ETAX-40002 waktu upload, sertifikat sudah lebih dari 2 tahun" });
        var body = await JsonAsync(response);
        var list = await JsonAsync(await client.GetAsync("/api/v1/tickets"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ETAX-40002", body.GetProperty("errorCode").GetString());
        Assert.Equal("upload", body.GetProperty("scenario").GetString());
        Assert.Equal("expired-certificate", body.GetProperty("cause").GetString());
        Assert.True(body.GetProperty("evidence").GetArrayLength() > 0);
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(["errorCode", "ambiguousCode", "scenario", "scenarioConfidence", "cause", "causeConfidence", "evidence", "playbook", "version", "system"],
            body.EnumerateObject().Select(property => property.Name));
        Assert.Equal("efaktur-desktop", body.GetProperty("system").GetString());
    }

    [Fact]
    public async Task ShouldNameCoretaxAndTakeTheReportDateIntoAccount()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var response = await PostJsonAsync(client, "/api/v1/classify", new
        {
            text = "Upload faktur pengganti dari e-Faktur desktop gagal: ETAX-API-10056",
            reportedAt = "2025-12-03T10:00:00+07:00",
        });
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rule-change", body.GetProperty("cause").GetString());
        Assert.Equal("efaktur-desktop", body.GetProperty("system").GetString());
    }

    [Fact]
    public async Task ShouldNameTheMissingTextAndRefuseWithoutAKey()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var missing = await PostJsonAsync(client, "/api/v1/classify", new { description = "gagal" });
        var anonymous = await PostJsonAsync(WithKey(factory, null), "/api/v1/classify", new { text = "ETAX-40002" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await JsonAsync(missing)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ShouldReturnTheClassificationOfANewTicket()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 12);

        var response = await PostJsonAsync(client, "/api/v1/tickets", new
        {
            clientNpwp = Formatted(npwp),
            errorText = "ETAX-40002 Error di Service",
            description = "muncul BadPaddingException: Given final block not properly padded saat registrasi",
        });
        var classification = (await JsonAsync(response)).GetProperty("classification");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("registration", classification.GetProperty("scenario").GetString());
        Assert.Equal("wrong-passphrase", classification.GetProperty("cause").GetString());
        Assert.NotEmpty(classification.GetProperty("playbook").EnumerateArray());
    }
}
