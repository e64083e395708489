using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.Tests.Support;

/// <summary>The real web app over HTTP (in-process test server) with its own fresh SQLite file.</summary>
public sealed partial class HelpdeskWebFactory : WebApplicationFactory<Program>
{
    public const string Password = "Rahasia12345";
    private readonly string _directory = TestPaths.NewTempDirectory();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(ConfigKeys.ConnectionString, $"Data Source={Path.Combine(_directory, "helpdesk.db")}");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (Interceptor is { } interceptor)
        {
            builder.ConfigureServices(services => services.ConfigureDbContext<MsmHelpdesk.Infrastructure.Persistence.HelpdeskDbContext>(options => options.AddInterceptors(interceptor)));
        }
    }

    /// <summary>An interceptor every context of the app also runs (e.g. a <see cref="CostMeter"/>).</summary>
    public Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? Interceptor { get; init; }

    /// <summary>Sends a message inside the running app as the given user, the way a Blazor page would.</summary>
    public Task<T> SendAsAsync<T>(string userId, string[] roles, Mediator.ICommand<T> command) =>
        SendAsAsync(Services, userId, roles, sender => sender.Send(command));

    /// <summary>Sends a message in <paramref name="services"/>' app as the given user, the way a Blazor circuit does.</summary>
    public static async Task<T> SendAsAsync<T>(IServiceProvider services, string userId, string[] roles, Func<Mediator.ISender, ValueTask<T>> send)
    {
        await using var scope = services.CreateAsyncScope();
        var state = (Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider)
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        var claims = new List<System.Security.Claims.Claim> { new(System.Security.Claims.ClaimTypes.NameIdentifier, userId) };
        claims.AddRange(roles.Select(role => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)));
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test"));
        state.SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(principal)));
        return await send(scope.ServiceProvider.GetRequiredService<Mediator.ISender>());
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> CreateAdminAsync(string email = "admin@msm.co.id")
    {
        var identity = Services.GetRequiredService<IIdentityService>();
        return (await identity.CreateFirstAdminAsync(new NewUser(email, "Sri Admin", Password, [Roles.Admin]), CancellationToken.None)).Value;
    }

    public async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        var identity = Services.GetRequiredService<IIdentityService>();
        return (await identity.CreateUserAsync(new NewUser(email, email.Split('@')[0], Password, roles), CancellationToken.None)).Value;
    }

    /// <summary>Posts a static (server-rendered) Blazor form the way a browser does: token and handler included.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        PostFormAsync(client, "/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Where a redirect points, as a local path: Blazor answers absolute URLs, minimal APIs relative ones.</summary>
    public static string RedirectTarget(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "";

    public static string? TokenIn(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
