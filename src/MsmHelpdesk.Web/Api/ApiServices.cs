using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using MsmHelpdesk.Application.Features.ApiKeys;

namespace MsmHelpdesk.Web.Api;

public static class ApiServices
{
    /// <summary>Authenticates with the API key scheme only: a browser's sign-in cookie opens nothing under /api.</summary>
    public const string PolicyName = "Api";

    public static IServiceCollection AddHelpdeskApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        services.ConfigureHttpJsonOptions(json => ConfigureJson(json.SerializerOptions));
        return services;
    }

    /// <summary>The API's JSON, for its answers and for its document's schemas (<see cref="ApiDocument"/>).</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        // Enums travel by name ("Phone", "WhatsApp", "InProgress"), in requests, answers and the document; a number
        // ("channel": 0 or 99) is refused with a field message rather than stored as whatever it happens to mean.
        json.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));

        // ASP.NET Core writes '<' and '>' raw by default; escaped, text such as "<script>" stays inert
        // even for a client that pastes the JSON into HTML. Indonesian letters stay readable.
        json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    }
}
