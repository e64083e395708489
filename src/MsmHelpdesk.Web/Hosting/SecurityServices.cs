using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Web.Security;

namespace MsmHelpdesk.Web.Hosting;

public static class SecurityServices
{
    /// <summary>Who the user is (cookie sign-in, revalidated each minute), who a job acts as, and what is allowed by default.</summary>
    public static IServiceCollection AddHelpdeskSignIn(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Components.Layout.NotificationSignal>();
        // A background job sets who it acts as in its own scope; everything else is the signed-in user.
        services.AddScoped<ICurrentUser>(provider =>
            provider.GetRequiredService<JobContext>().User ?? provider.GetRequiredService<CurrentUser>());
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "msm.auth";
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>Headers on every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Browsers must never guess a type: an uploaded text file stays text, never HTML.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
            await next();
        });

    /// <summary>
    /// Only our own files run: Blazor and MudBlazor load as script files, and Blazor's circuit is a WebSocket to this
    /// host. Styles allow 'unsafe-inline' because MudBlazor writes style attributes and its theme as a style element;
    /// a style cannot run code, and scripts stay 'self' only (no inline script, no eval).
    /// </summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + $"connect-src 'self' {socket}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }
}
