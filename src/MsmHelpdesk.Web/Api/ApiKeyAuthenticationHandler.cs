using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Web.Api;

/// <summary>
/// Signs in an integration by its X-Api-Key header. The principal carries the same claims as a person's,
/// so the mediator's pipeline authorizes it by the key's role and the timeline names it "API: name".
/// Challenges answer 401 problem details, never a redirect to the sign-in page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public static string UserIdOf(Guid keyId) => $"apikey:{keyId}";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.Count == 1 ? await verifier.VerifyAsync(values[0], Context.RequestAborted) : null;
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is malformed, unknown or revoked.");
        }

        var displayName = $"API: {key.Name}";
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, UserIdOf(key.Id)),
                new Claim(ClaimTypes.Name, displayName),
                new Claim(HelpdeskClaimsPrincipalFactory.DisplayNameClaim, displayName),
                new Claim(ClaimTypes.Role, key.Role),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await ApiResults.Problem(
                StatusCodes.Status401Unauthorized,
                outcome.Failure is null ? AppText.ApiKeyMissing : AppText.ApiKeyInvalid,
                outcome.Failure is null ? "api-key-missing" : "api-key-invalid")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResults.Problem(StatusCodes.Status403Forbidden, AppText.Forbidden, "forbidden").ExecuteAsync(Context);
}
