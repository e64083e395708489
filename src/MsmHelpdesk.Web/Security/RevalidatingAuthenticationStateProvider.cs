using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Web.Security;

/// <summary>
/// Re-checks an open Blazor circuit's user every minute: a deactivated user, or one whose roles changed
/// (new security stamp), loses the circuit's signed-in state without waiting for the cookie to expire.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<IdentityOptions> _options;

    public RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
        : base(loggerFactory)
    {
        _scopes = scopes;
        _options = options;

        // Setting the state (IHostEnvironmentAuthenticationStateProvider) raises this event: its only public sign.
        AuthenticationStateChanged += _ => HasState = true;
    }

    /// <summary>
    /// Whether a component render (static or interactive) has set the user. A plain HTTP endpoint never does, and the
    /// base class throws when asked then: <see cref="CurrentUser"/> asks this first, so no request throws to find out.
    /// </summary>
    public bool HasState { get; private set; }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        var stamp = authenticationState.User.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
