using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MsmHelpdesk.Web.Api;

/// <summary>
/// The API's OpenAPI document at /openapi/v1.json. ASP.NET Core's OpenAPI services live in a container of their own,
/// built on the first request for the document over the app's endpoints and JSON settings: the app's container never
/// registers them, so a host nobody asks for the document loads neither Microsoft.OpenApi nor MVC's API explorer
/// (decision record 0194). Endpoints describe their hand-read parts with plain metadata (<see cref="JsonBody"/>,
/// <see cref="IdempotencyKeyHeader"/>, <see cref="IntegerQueryParameters"/>) that <see cref="ApiDocumentGenerator"/>
/// writes into the document.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/" + Name + ".json";

    public static IEndpointConventionBuilder MapApiDocument(this IEndpointRouteBuilder endpoints)
    {
        var app = endpoints.ServiceProvider;
        var generator = new Lazy<ApiDocumentGenerator>(() => new ApiDocumentGenerator(app));
        return endpoints.MapGet(Path, (HttpContext context) => generator.Value.WriteAsync(context)).ExcludeFromDescription();
    }
}

/// <summary>The JSON body a handler reads itself (so that a missing Content-Type is not an empty 415), for the document.</summary>
public sealed record JsonBody(Type Type);

/// <summary>The optional Idempotency-Key header a handler reads itself (see <see cref="IdempotentAnswers"/>), for the document.</summary>
public sealed record IdempotencyKeyHeader;

/// <summary>Query parameters read as text (a bad number gets a field error of ours) but documented as integers ≥ 1.</summary>
public sealed record IntegerQueryParameters(params string[] Names);

internal sealed class ApiDocumentGenerator
{
    private readonly ServiceProvider _services;

    public ApiDocumentGenerator(IServiceProvider app)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(app.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(app.GetRequiredService<IHostEnvironment>());
        services.AddSingleton(app.GetRequiredService<EndpointDataSource>());
        services.AddSingleton(app.GetRequiredService<ParameterPolicyFactory>());
        services.ConfigureHttpJsonOptions(json => ApiServices.ConfigureJson(json.SerializerOptions));
        services.AddOpenApi(ApiDocument.Name, Configure);
        _services = services.BuildServiceProvider();
    }

    public async Task WriteAsync(HttpContext context)
    {
        var document = await _services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name).GetOpenApiDocumentAsync(context.RequestAborted);

        // The server the caller reached, as MapOpenApi wrote it from the request.
        var request = context.Request;
        document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}/" }];
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, context.RequestAborted), context.RequestAborted);
    }

    private static void Configure(OpenApiOptions openApi)
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
        openApi.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<JsonBody>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                    },
                };
            }

            if (metadata.OfType<IdempotencyKeyHeader>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotentAnswers.HeaderName,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Up to 100 characters, unique per request: a retry with the same key and body answers as the first "
                        + "time (24 hours) instead of acting again; the same key with another body is refused (422).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Application.Common.Idempotency.IdempotentRequest.MaxKeyLength },
                });
            }

            var integers = metadata.OfType<IntegerQueryParameters>().SelectMany(parameters => parameters.Names).ToHashSet(StringComparer.Ordinal);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.Name is { } name && integers.Contains(name)) ?? [])
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" };
            }
        });
    }
}
