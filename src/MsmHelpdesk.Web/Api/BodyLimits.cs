using Microsoft.AspNetCore.Http.Metadata;

namespace MsmHelpdesk.Web.Api;

/// <summary>
/// Body-size limits per API endpoint, near what its fields allow: a field of n characters is at most 6n bytes of JSON
/// (every character escaped as \uXXXX), plus the names and punctuation. Endpoints without one get the API default
/// (Hosting/RequestLimits, 64 KB), which a new ticket's three long fields need.
/// </summary>
internal static class BodyLimits
{
    /// <summary>A client: a name, an NPWP and a few short fields.</summary>
    public const long Client = 8 * 1024;

    /// <summary>One text of at most 4,000 characters: a note or a client's message.</summary>
    public const long Text = 32 * 1024;

    /// <summary>An error text, a description and an activity, like a ticket without its client.</summary>
    public const long Classify = 48 * 1024;

    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder endpoint, long bytes) =>
        endpoint.WithMetadata(new Limit(bytes));

    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
