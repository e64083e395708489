using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.Web.Hosting;

/// <summary>
/// Production transport behind a TLS proxy: forwarded headers believed only from configured proxies, HSTS and
/// Secure cookies whenever the request arrived over HTTPS, and redirection to HTTPS when a port for it is known.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddHelpdeskTransport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, ConfigKeys.KnownProxies).Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"{ConfigKeys.KnownProxies} holds '{text}', which is not an IP address.")).ToArray();
        var networks = List(configuration, ConfigKeys.KnownNetworks).Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"{ConfigKeys.KnownNetworks} holds '{text}', which is not a network such as 172.18.0.0/16.")).ToArray();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Nothing is trusted by default, not even loopback: a header is believed only from a proxy named in configuration.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        if (HttpsPort(configuration) is { } port)
        {
            services.AddHttpsRedirection(options => options.HttpsPort = port);
        }

        // SameAsRequest: Secure over HTTPS (directly or as the trusted proxy says), still usable on the plain-HTTP embedded default.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static IApplicationBuilder UseHelpdeskTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();

        // HSTS is only ever sent on HTTPS responses (and never for localhost), so it is safe in every environment.
        app.UseHsts();
        if (HttpsPort(app.Configuration) is not null || (app.Configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    private static int? HttpsPort(IConfiguration configuration) =>
        int.TryParse(configuration[ConfigKeys.HttpsPort], out var port) && port is > 0 and < 65536 ? port : null;

    private static string[] List(IConfiguration configuration, string key) =>
        (configuration[key] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
