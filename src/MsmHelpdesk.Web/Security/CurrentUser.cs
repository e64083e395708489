using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Web.Security;

/// <summary>
/// The sender of a message in the web app. Components (static or interactive) know the user through the
/// authentication state; plain HTTP endpoints, which have none, through the request.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext) : ICurrentUser
{
    public async ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default)
    {
        if (authenticationState is RevalidatingAuthenticationStateProvider { HasState: false })
        {
            // A minimal-API endpoint: no component has set the state, the request knows the user.
            return ToIdentity(httpContext.HttpContext?.User);
        }

        ClaimsPrincipal? principal;
        try
        {
            principal = (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Another provider (tests) outside a component render: the state was never set.
            principal = httpContext.HttpContext?.User;
        }

        return ToIdentity(principal);
    }

    public static UserIdentity ToIdentity(ClaimsPrincipal? principal)
    {
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal?.Identity?.IsAuthenticated != true || userId is null)
        {
            return UserIdentity.Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return new UserIdentity(userId, principal.FindFirstValue(HelpdeskClaimsPrincipalFactory.DisplayNameClaim), roles);
    }
}
