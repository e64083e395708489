using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Idempotency;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Api;

/// <summary>Issue 16 through HTTP: idempotency keys, append-only actions in parallel, enums by name, bounded paging.</summary>
public sealed class HardeningApiTests
{
    [Fact]
    public async Task ShouldAnswerARetryWithTheFirstAnswerAndRefuseTheSameKeyWithAnotherBody()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 61);
        var body = $$"""{"clientNpwp":"{{npwp}}","errorText":"ETAX-40002: Error di Service"}""";

        var first = await PostWithKeyAsync(client, "/api/v1/tickets", body, "retry-1");
        var again = await PostWithKeyAsync(client, "/api/v1/tickets", body, "retry-1");
        var otherBody = await PostWithKeyAsync(client, "/api/v1/tickets", body.Replace("ETAX-40002", "ETAX-40003", StringComparison.Ordinal), "retry-1");
        var badKey = await PostWithKeyAsync(client, "/api/v1/tickets", body, "kunci dengan spasi");
        var otherKeyHolder = WithKey(factory, await CreateKeyAsync(factory, "Portal lain"));
        var sameKeyOtherApiKey = await PostWithKeyAsync(otherKeyHolder, "/api/v1/tickets", body, "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal("idempotency-key-reused", (await JsonAsync(otherBody)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.True((await JsonAsync(badKey)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(HttpStatusCode.Created, sameKeyOtherApiKey.StatusCode);
        Assert.Equal(2, await CountTicketsAsync(factory));
    }

    [Fact]
    public async Task ShouldCreateOneTicketWhenRequestsWithTheSameKeyRace()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 62);
        var body = $$"""{"clientNpwp":"{{npwp}}","errorText":"ETAX-40002 saat upload"}""";

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PostWithKeyAsync(client, "/api/v1/tickets", body, "race-1")));
        var messages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PostWithKeyAsync(client, $"/api/v1/tickets/{NumberOf(answers[0])}/messages", """{"text":"Sudah dicoba lagi, tetap gagal"}""", "message-1")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
        Assert.Single(answers.Select(answer => answer.Headers.Location!.ToString()).Distinct());
        Assert.Equal(1, await CountTicketsAsync(factory));
        Assert.All(messages, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.TimelineEntries.CountAsync(entry => entry.Kind == TimelineKind.ClientMessage));
        Assert.Equal(2, await db.Set<IdempotentRequest>().CountAsync(r => r.StatusCode != null));
    }

    [Fact]
    public async Task ShouldAcceptThirtyTwoParallelNotesAndMessagesOnOneTicket()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 63);
        var created = await JsonAsync(await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002" }));
        var number = created.GetProperty("number").GetString()!;

        var notes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => PostJsonAsync(client, $"/api/v1/tickets/{number}/notes", new { text = $"Catatan ke-{i}" })));
        var messages = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostJsonAsync(client, $"/api/v1/tickets/{number}/messages", new { text = $"Pesan klien ke-{i}" })));

        Assert.All(notes, answer => Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode));
        Assert.All(messages, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var ticket = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{number}"));
        Assert.Equal(32, ticket.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Note"));
        Assert.Equal(8, ticket.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "ClientMessage"));
    }

    [Theory]
    [InlineData("""{"clientNpwp":"NPWP","errorText":"ETAX-40002","channel":0}""", "channel")]
    [InlineData("""{"clientNpwp":"NPWP","errorText":"ETAX-40002","channel":99}""", "channel")]
    [InlineData("""{"clientNpwp":"NPWP","errorText":"ETAX-40002 \u0000 gagal"}""", "errorText")]
    [InlineData("""{"clientNpwp":"NPWP","errorText":"\u200B"}""", "errorText")]
    [InlineData("""{"clientNpwp":"NPWP","errorText":"ETAX-40002 \u202Egnp.exe"}""", "errorText")]
    [InlineData("""{"clientNpwp":"NPWP","errorText":"ETAX-40002","description":"passphrase sertel klien: Rahasia123"}""", "description")]
    public async Task ShouldRefuseInputThatMustNotBeStoredWithAFieldMessage(string json, string field)
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var npwp = await CreateClientAsync(client, 64);

        var answer = await PostRawAsync(client, "/api/v1/tickets", json.Replace("NPWP", npwp, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await JsonAsync(answer)).GetProperty("errors").TryGetProperty(field, out var messages), await answer.Content.ReadAsStringAsync());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Equal(0, await CountTicketsAsync(factory));
    }

    [Fact]
    public async Task ShouldRefuseAPageBeyondTheBoundInsteadOfOverflowing()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var far = await client.GetAsync("/api/v1/tickets?page=2147483647");
        var huge = await client.GetAsync("/api/v1/tickets?pageSize=2147483647");

        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.True((await JsonAsync(far)).GetProperty("errors").TryGetProperty("page", out _));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public void ShouldSpeakOfTheTicketAndItsVersionInAnApiConflictNotOfAScreen()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        var screenText = Error.Conflict("ticket-changed", "Tiket ini baru saja diubah oleh Citra. Perubahan Anda belum disimpan; lihat perbedaannya di bawah.");

        var problem = Assert.IsType<ProblemHttpResult>(MsmHelpdesk.Web.Api.ApiResults.From(screenText with { ResourceVersion = 7 }));

        Assert.Equal(409, problem.StatusCode);
        Assert.Equal("Tiket telah diubah oleh orang lain sejak versi 7; ambil ulang tiket lalu coba lagi.", problem.ProblemDetails.Title);
    }

    private static string NumberOf(HttpResponseMessage created) => created.Headers.Location!.ToString().Split('/')[^1];

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountTicketsAsync(HelpdeskWebFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return await db.Tickets.CountAsync();
    }
}
