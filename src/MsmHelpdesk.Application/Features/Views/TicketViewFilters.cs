using System.Text.Json;
using System.Text.Json.Serialization;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Views;

/// <summary>The ticket list's filters and sort as a saved view keeps them (stored as JSON, enums by name).</summary>
public sealed record TicketViewFilters
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public TicketQueue Queue { get; init; } = TicketQueue.AllOpen;
    public List<TicketStatus> Statuses { get; init; } = [];
    public List<TicketPriority> Priorities { get; init; } = [];
    public List<SlaState> SlaStates { get; init; } = [];
    public string? AssigneeId { get; init; }
    public string? ErrorCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public TicketSort SortBy { get; init; } = TicketSort.ReportedAt;
    public bool Descending { get; init; } = true;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored filters; a view saved by an older version with a value no longer known falls back to the defaults.</summary>
    public static TicketViewFilters FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TicketViewFilters>(json, Json) ?? new TicketViewFilters();
        }
        catch (JsonException)
        {
            return new TicketViewFilters();
        }
    }
}
