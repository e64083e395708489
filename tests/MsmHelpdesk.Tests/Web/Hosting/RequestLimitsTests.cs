using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Hosting;

public sealed class RequestLimitsTests
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task ShouldAnswerAnUnexpectedApiFailureAsProblemJsonNotAnHtmlPage()
    {
        await using var factory = new HelpdeskWebFactory();
        await using var faulty = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new FailingBodyFilter())));
        var client = faulty.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await CreateKeyAsync(factory));

        var response = await client.PostAsync("/api/v1/tickets", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("server-error", body.GetProperty("code").GetString());
        Assert.Contains("kode referensi", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("disk rusak", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRefuseAChunkedApiBodyOverTheLimitWith413ProblemJson()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));

        var declared = await client.PostAsync("/api/v1/tickets", new ByteArrayContent(new byte[200 * 1024]));
        var chunked = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = new ChunkedContent(200 * 1024) });
        var body = await JsonAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(ProblemJson, chunked.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request-too-large", body.GetProperty("code").GetString());
        Assert.Equal("Permintaan terlalu besar: paling banyak 64 KB.", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ShouldLimitEachEndpointNearWhatItsFieldsAllow()
    {
        await using var factory = new HelpdeskWebFactory();
        var client = WithKey(factory, await CreateKeyAsync(factory));
        var forty = new string('a', 40 * 1024);

        var note = await client.PostAsync("/api/v1/tickets/MSM-2026-000001/notes", new StringContent($"{{\"text\":\"{forty}\"}}", System.Text.Encoding.UTF8, "application/json"));
        var ticket = await client.PostAsync("/api/v1/tickets", new StringContent($"{{\"errorText\":\"{forty}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, note.StatusCode);
        Assert.Equal("Permintaan terlalu besar: paling banyak 32 KB.", (await JsonAsync(note)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, ticket.StatusCode); // under the ticket's 64 KB: refused by its field rules instead
    }

    [Fact]
    public async Task ShouldAnswer429WithRetryAfterWhenOneKeySpendsItsMinute()
    {
        await using var factory = new HelpdeskWebFactory();
        await using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting(ConfigKeys.ApiRequestsPerMinute, "3"));
        var key = await CreateKeyAsync(factory);
        var other = await CreateKeyAsync(factory, "Portal lain");
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var otherClient = limited.CreateClient();
        otherClient.DefaultRequestHeaders.Add("X-Api-Key", other);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await client.GetAsync("/api/v1/tickets")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/tickets");
        var body = await JsonAsync(refused);
        var otherKey = await otherClient.GetAsync("/api/v1/tickets");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("too-many-requests", body.GetProperty("code").GetString());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task ShouldRefuseBadLimitSettingsWithAClearMessage()
    {
        await using var factory = new HelpdeskWebFactory();
        await using var misconfigured = factory.WithWebHostBuilder(builder => builder.UseSetting(ConfigKeys.ApiBodyBytes, "64KB"));

        var failure = Assert.Throws<InvalidOperationException>(() => misconfigured.CreateClient());

        Assert.Equal("Limits:ApiBodyBytes is '64KB'; use a whole number above 0.", failure.Message);
    }

    /// <summary>Stands in for a fault deep inside an endpoint (a disk that fails while the body is read).</summary>
    private sealed class FailingBodyFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Request.Body = new FailingStream();
                return inner(context);
            });
            next(app);
        };
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("disk rusak");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("disk rusak");
    }

    private sealed class ChunkedContent(int length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("{\"errorText\":\""u8.ToArray());
            await stream.WriteAsync(Enumerable.Repeat((byte)'a', length).ToArray());
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = 0;
            return false;
        }
    }
}
