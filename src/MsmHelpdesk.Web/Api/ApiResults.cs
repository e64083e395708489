using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Web.Api;

/// <summary>Failed results and unreadable requests as RFC 9457 problem details, fields named as in the JSON.</summary>
public static class ApiResults
{
    public static IResult Problem(int status, string title, string code) =>
        Results.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <param name="error"></param>
    /// <param name="renames">Message properties that the API calls otherwise, e.g. ClientId → clientNpwp.</param>
    public static IResult From(Error error, IReadOnlyDictionary<string, string>? renames = null) => error.Kind switch
    {
        ErrorKind.Validation => ValidationProblem(
            error.FieldErrors
                .GroupBy(field => renames is not null && renames.TryGetValue(field.Key, out var name) ? name : JsonName(field.Key), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.SelectMany(field => field.Value).ToArray(), StringComparer.Ordinal),
            error.Message),
        ErrorKind.NotFound => Problem(StatusCodes.Status404NotFound, error.Message, error.Code),
        // The screens' conflict text points at a panel below; an API client has the resource and its version instead.
        ErrorKind.Conflict when error.Code == "ticket-changed" =>
            Problem(StatusCodes.Status409Conflict, AppText.ApiTicketChanged(error.ResourceVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"), error.Code),
        ErrorKind.Conflict when error.Code == Application.Common.Idempotency.IdempotencyClaims.ReusedCode =>
            Problem(StatusCodes.Status422UnprocessableEntity, error.Message, error.Code),
        ErrorKind.Conflict => Problem(StatusCodes.Status409Conflict, error.Message, error.Code),
        ErrorKind.Forbidden => Problem(StatusCodes.Status403Forbidden, error.Message, error.Code),
        ErrorKind.Unauthorized => Problem(StatusCodes.Status401Unauthorized, error.Message, error.Code),
        _ => Problem(StatusCodes.Status500InternalServerError, error.Message, error.Code),
    };

    public static IResult ValidationProblem(IDictionary<string, string[]> fields, string? title = null) =>
        Results.ValidationProblem(fields, title: title ?? AppText.ValidationFailed, extensions: new Dictionary<string, object?> { ["code"] = "validation" });

    /// <summary>"Officers[0].Name" → "officers[0].name", the way the JSON spells it.</summary>
    public static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>
    /// Reads a JSON body in two steps, so each failure gets its own answer: text that is not JSON at all is
    /// a 400 about the body; JSON whose values do not fit (a number for a text, an unknown channel) a 400
    /// naming the field.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, AppText.ApiBodyNotJson, "malformed-json"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, AppText.ApiBodyNotObject, "malformed-json"));
            }

            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            try
            {
                return (document.Deserialize<T>(options), null);
            }
            catch (JsonException exception)
            {
                var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
                return (null, ValidationProblem(new Dictionary<string, string[]> { [field] = [AppText.ApiValueInvalid] }));
            }
        }
    }
}
