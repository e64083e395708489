using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Web.Api;
using MsmHelpdesk.Web.Resources;

namespace MsmHelpdesk.Web.Hosting;

/// <summary>
/// How much a client may send: body sizes and request rates, from configuration with safe defaults. 64 KB holds the
/// largest JSON body the API accepts (a ticket: 6,600 characters of fields, about 40 KB if every one is sent as a
/// \uXXXX escape) and every form; the Blazor circuit has its own message limit (UiServices).
/// </summary>
public sealed record RequestLimitSettings(long DefaultBodyBytes, long ApiBodyBytes, int ApiRequestsPerMinute, int SignInAttemptsPerMinute)
{
    public static RequestLimitSettings From(IConfiguration configuration) => new(
        Positive(configuration, ConfigKeys.DefaultBodyBytes, 64 * 1024),
        Positive(configuration, ConfigKeys.ApiBodyBytes, 64 * 1024),
        (int)Positive(configuration, ConfigKeys.ApiRequestsPerMinute, 300),
        (int)Positive(configuration, ConfigKeys.SignInAttemptsPerMinute, 20));

    private static long Positive(IConfiguration configuration, string key, long fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= int.MaxValue
            ? value
            : throw new InvalidOperationException($"{key} is '{text}'; use a whole number above 0.");
    }
}

public static class RequestLimits
{
    private const string SignInPath = "/account/login";

    public static IServiceCollection AddHelpdeskRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RequestLimitSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = async (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await WriteRefusalAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "too-many-requests", text => text["Error.TooManyRequests", seconds]);
            };
        });
        return services;
    }

    /// <summary>
    /// After routing, before anything reads a body: each request gets its endpoint's body limit
    /// ([RequestSizeLimit] or other <see cref="IRequestSizeLimitMetadata"/>, for a future upload endpoint) or the default,
    /// enforced while the body streams in, so an oversized body is refused with 413 without ever being held whole.
    /// Under /api every failure, an unexpected one too, is answered as problem JSON, never as an HTML page.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var settings = context.RequestServices.GetRequiredService<RequestLimitSettings>();
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? (IsApi(context) ? settings.ApiBodyBytes : settings.DefaultBodyBytes);
            if (context.Request.ContentLength > limit)
            {
                await TooLargeAsync(context, limit);
                return;
            }

            var server = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (server is { IsReadOnly: false })
            {
                server.MaxRequestBodySize = limit;
            }
            else if (server is null)
            {
                // A server without its own limit (the in-process test server) gets the same guard from a counting stream.
                context.Request.Body = new BodyLimitStream(context.Request.Body, limit);
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await TooLargeAsync(context, limit);
            }
            catch (Exception exception) when (IsApi(context) && !context.Response.HasStarted && exception is not OperationCanceledException)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MsmHelpdesk.Web.Api")
                    .LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                await WriteRefusalAsync(context, StatusCodes.Status500InternalServerError, "server-error", text => text["Error.ServerFailed", context.TraceIdentifier]);
            }
        });

    private static Task TooLargeAsync(HttpContext context, long limit)
    {
        // The rest of the body is not wanted: close the connection rather than drain it.
        context.Response.Headers.Connection = "close";
        return WriteRefusalAsync(context, StatusCodes.Status413PayloadTooLarge, "request-too-large", text => text["Error.RequestTooLarge", Math.Max(1, limit / 1024)]);
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RequestLimitSettings settings)
    {
        // After authorization the API key's principal is the user; an unauthenticated call is refused before it counts.
        if (IsApi(context) && context.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            var key = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
            return RateLimitPartition.GetFixedWindowLimiter("api:" + key, _ => PerMinute(settings.ApiRequestsPerMinute));
        }

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => PerMinute(settings.SignInAttemptsPerMinute));
        }

        return RateLimitPartition.GetNoLimiter("");
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Problem JSON under /api; a short text elsewhere (the status-code pages would otherwise show "not found").</summary>
    private static async Task WriteRefusalAsync(HttpContext context, int status, string code, Func<IStringLocalizer<UiText>, string> message)
    {
        var text = message(context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>());
        context.Response.StatusCode = status;
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        if (IsApi(context))
        {
            await ApiResults.Problem(status, text, code).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text);
    }
}
