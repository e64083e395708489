using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Idempotency;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Idempotency;

namespace MsmHelpdesk.Web.Api;

/// <summary>
/// The Idempotency-Key of POST /tickets and /tickets/{number}/messages: per API key, a retry with the same key and
/// body gets the first answer (status and body, from our database, for 24 hours); the same key with another body
/// is a 422. The record is written in the transaction that creates the ticket or message (see IdempotencyClaims).
/// </summary>
public static class IdempotentAnswers
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The claim of the request (null without the header), or the problem with its header.</summary>
    public static async Task<(IdempotencyClaim? Claim, IResult? Problem)> ClaimAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValue(HeaderName, out var values))
        {
            return (null, null);
        }

        var key = values.Count == 1 ? values[0] : null;
        if (key is null || key.Length is 0 or > IdempotentRequest.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return (null, ApiResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [HeaderName] = [AppText.IdempotencyKeyInvalid(IdempotentRequest.MaxKeyLength)],
            }));
        }

        // The body is read twice: hashed here, parsed by the endpoint.
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        var scope = request.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return (new IdempotencyClaim(scope, key, Convert.ToHexStringLower(hash.GetHashAndReset())), null);
    }

    /// <summary>
    /// The answer to a key already used: its stored answer, or one rebuilt by <paramref name="rebuild"/> when the
    /// process died between saving and answering (then stored). Null when the key is new.
    /// </summary>
    public static async Task<IResult?> ReplayAsync(
        ISender sender, HttpContext context, IdempotencyClaim claim, Func<IdempotentRequestView, Task<(int Status, object? Body, string? Location)?>> rebuild,
        CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetIdempotentRequestQuery { Scope = claim.Scope, Key = claim.Key }, cancellationToken);
        if (!found.IsSuccess)
        {
            return ApiResults.From(found.Error);
        }

        if (found.Value is not { } earlier)
        {
            return null;
        }

        if (earlier.RequestHash != claim.RequestHash)
        {
            return Reused();
        }

        if (earlier is { StatusCode: { } status, ResponseBody: { } body })
        {
            return new StoredAnswer(status, body, earlier.Location, Replayed: true);
        }

        if (await rebuild(earlier) is not { } rebuilt)
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, AppText.IdempotencyInProgress, IdempotencyClaims.ReplayCode);
        }

        var answer = await AnswerAsync(sender, context, claim, rebuilt.Status, rebuilt.Body, rebuilt.Location, cancellationToken);
        return answer with { Replayed = true };
    }

    /// <summary>Stores the first answer to a claimed request, and gives it.</summary>
    public static async Task<StoredAnswer> AnswerAsync(
        ISender sender, HttpContext context, IdempotencyClaim claim, int status, object? body, string? location, CancellationToken cancellationToken)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var json = JsonSerializer.Serialize(body, body?.GetType() ?? typeof(object), options);
        await sender.Send(new AnswerIdempotentRequestCommand { Scope = claim.Scope, Key = claim.Key, StatusCode = status, Body = json, Location = location }, cancellationToken);
        return new StoredAnswer(status, json, location, Replayed: false);
    }

    /// <summary>The answer to a refusal that came from the key (a race lost to a request with the same key), or null.</summary>
    public static bool IsKeyRefusal(Error error) => error.Code is IdempotencyClaims.ReplayCode or IdempotencyClaims.ReusedCode;

    public static IResult Reused() =>
        ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, AppText.IdempotencyKeyReused, IdempotencyClaims.ReusedCode);
}

/// <summary>An answer as it was first given: status, Location and the JSON body, byte for byte.</summary>
public sealed record StoredAnswer(int Status, string Body, string? Location, bool Replayed) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        if (Location is not null)
        {
            httpContext.Response.Headers.Location = Location;
        }

        if (Replayed)
        {
            httpContext.Response.Headers[IdempotentAnswers.ReplayedHeaderName] = "true";
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.WriteAsync(Body, Encoding.UTF8);
    }
}
