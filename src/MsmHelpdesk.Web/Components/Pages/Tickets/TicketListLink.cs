using Microsoft.AspNetCore.WebUtilities;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

/// <summary>
/// A link to the ticket list with its filters in the query string, so the home page's figures, bookmarks and shared
/// links open the list as filtered. <see cref="TicketList"/> reads the same names.
/// </summary>
public sealed record TicketListLink
{
    public const string QueueKey = "q";
    public const string StatusKey = "status";
    public const string PriorityKey = "priority";
    public const string SlaKey = "sla";
    public const string AssigneeKey = "assignee";
    public const string CodeKey = "code";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string ResolvedFromKey = "resolvedFrom";
    public const string ResolvedToKey = "resolvedTo";
    public const string SearchKey = "search";

    public TicketQueue Queue { get; init; } = TicketQueue.AllOpen;
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];
    public IReadOnlyList<SlaState> SlaStates { get; init; } = [];
    public string? AssigneeId { get; init; }
    public string? ErrorCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DateOnly? ResolvedFrom { get; init; }
    public DateOnly? ResolvedTo { get; init; }

    public override string ToString()
    {
        var pairs = new List<KeyValuePair<string, string?>> { new(QueueKey, Queue.ToString()) };
        pairs.AddRange(Statuses.Select(s => new KeyValuePair<string, string?>(StatusKey, s.ToString())));
        pairs.AddRange(SlaStates.Select(s => new KeyValuePair<string, string?>(SlaKey, s.ToString())));
        Add(pairs, AssigneeKey, AssigneeId);
        Add(pairs, CodeKey, ErrorCode);
        Add(pairs, FromKey, FormText.Date(From));
        Add(pairs, ToKey, FormText.Date(To));
        Add(pairs, ResolvedFromKey, FormText.Date(ResolvedFrom));
        Add(pairs, ResolvedToKey, FormText.Date(ResolvedTo));
        return QueryHelpers.AddQueryString("/tickets", pairs);
    }

    public static implicit operator string(TicketListLink link) => link.ToString();

    /// <summary>Values of an enum filter named in the URL, unknown names ignored.</summary>
    public static List<T> ParseAll<T>(IEnumerable<string>? texts)
        where T : struct, Enum =>
        (texts ?? []).Select(text => Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? (T?)value : null)
            .OfType<T>().Distinct().ToList();

    private static void Add(List<KeyValuePair<string, string?>> pairs, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            pairs.Add(new(key, value));
        }
    }
}
