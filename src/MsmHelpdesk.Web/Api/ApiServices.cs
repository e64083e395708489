using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.OpenApi;
using MsmHelpdesk.Application.Features.ApiKeys;

namespace MsmHelpdesk.Web.Api;

public static class ApiServices
{
    /// <summary>Authenticates with the API key scheme only: a browser's sign-in cookie opens nothing under /api.</summary>
    public const string PolicyName = "Api";

    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddHelpdeskApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        // Enums travel by name ("Phone", "WhatsApp", "InProgress"), in requests, answers and the document; a number
        // ("channel": 0 or 99) is refused with a field message rather than stored as whatever it happens to mean.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));

            // ASP.NET Core writes '<' and '>' raw by default; escaped, text such as "<script>" stays inert
            // even for a client that pastes the JSON into HTML. Indonesian letters stay readable.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "MsmHelpdesk API";
                document.Info.Description = $"Send the key an Admin created in the header {ApiKeyAuthenticationHandler.HeaderName}.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
