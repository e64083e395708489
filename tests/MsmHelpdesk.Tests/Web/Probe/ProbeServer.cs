using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Identity;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Probe;

/// <summary>
/// The real app on Kestrel at a free port over its own SQLite file, configured as behind a TLS proxy at
/// <see cref="Proxy"/>. Clients can connect from any loopback address, so one server shows both a trusted proxy
/// and an unknown caller. Every answer any client gets is recorded, so the probe can fail on any 500.
/// </summary>
public sealed class ProbeServer : WebApplicationFactory<Program>
{
    public const string Proxy = "127.0.0.2";
    public const string PublicHost = "helpdesk.msm.test";
    public const int ApiRequestsPerMinute = 40;
    public const int SignInAttemptsPerMinute = 20;
    public const string AdminEmail = "admin@msm.co.id";
    public const string ConsultantEmail = "budi@msm.co.id";

    private readonly string _directory = TestPaths.NewTempDirectory();

    public ProbeServer() => UseKestrel(0);

    public ConcurrentQueue<(string Request, int Status, string? ContentType)> Answers { get; } = new();

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)).Port;
            return new Uri($"http://127.0.0.1:{port}");
        }
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="sourceAddress"/> (any 127.x address).</summary>
    public HttpClient ClientFrom(string sourceAddress = "127.0.0.1", bool cookies = true)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies,
            CookieContainer = new CookieContainer(),

            // Latin-1, so a case can send header bytes a careless client would (é, ü) rather than being stopped here.
            RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.Latin1,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(new Recorder(Answers, handler)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        var identity = Services.GetRequiredService<IIdentityService>();
        var created = roles.Contains(Roles.Admin)
            ? await identity.CreateFirstAdminAsync(new NewUser(email, email.Split('@')[0], HelpdeskWebFactory.Password, roles), CancellationToken.None)
            : await identity.CreateUserAsync(new NewUser(email, email.Split('@')[0], HelpdeskWebFactory.Password, roles), CancellationToken.None);
        return created.Value;
    }

    public async Task<string> CreateApiKeyAsync(string name)
    {
        var key = ApiKeySecret.NewKey();
        await using var db = await Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        db.ApiKeys.Add(ApiKey.Create(name, Roles.Consultant, ApiKeySecret.PrefixOf(key)!, ApiKeySecret.Hash(key), "probe", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Keeps an account below the lockout threshold between timed attempts (lockout itself is tested apart).</summary>
    public async Task ResetFailedSignInsAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(email))!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(ConfigKeys.ConnectionString, $"Data Source={Path.Combine(_directory, "helpdesk.db")}");
        builder.UseSetting(ConfigKeys.AttachmentsDirectory, Path.Combine(_directory, "attachments"));
        builder.UseSetting(ConfigKeys.KnownProxies, Proxy);
        builder.UseSetting(ConfigKeys.ApiRequestsPerMinute, ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting(ConfigKeys.SignInAttemptsPerMinute, SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private sealed class Recorder(ConcurrentQueue<(string, int, string?)> answers, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            answers.Enqueue(($"{request.Method} {request.RequestUri?.PathAndQuery}", (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            return response;
        }
    }
}
