using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using MsmHelpdesk.Application.Features.Account;

namespace MsmHelpdesk.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form POST with an antiforgery token, so another site cannot sign a consultant out.
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, ISender sender, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await sender.Send(new SignOutCommand(), cancellationToken);
            return Results.LocalRedirect("/account/login");
        });

        // The language choice is remembered in a cookie for a year, signed in or not.
        endpoints.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext context) =>
        {
            if (UiCultures.Supported.Contains(culture, StringComparer.Ordinal))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            }

            return Results.LocalRedirect(UiCultures.IsLocalUrl(redirectUri) ? redirectUri! : "/");
        }).AllowAnonymous();

        return endpoints;
    }
}
