using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Domain.Incidents;

public enum IncidentStatus
{
    Open,
    Resolved,
}

/// <summary>
/// An outage that hits every client at once (DJP's service down, an ETAX code for everyone). Many tickets link to
/// it; its updates go to all their clients and its resolution resolves them together.
/// </summary>
public sealed class Incident
{
    public const int TitleMaxLength = 200;

    private Incident()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The code the outage shows (e.g. ETAX-40002), used to suggest incidents and to find its tickets.</summary>
    public string? ErrorCode { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public IncidentStatus Status { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolutionSummary { get; private set; }

    public int Version { get; private set; }

    public static Incident Open(string title, string? errorCode, DateTimeOffset startedAt, string? description, Actor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Title = title.Trim(),
        ErrorCode = string.IsNullOrWhiteSpace(errorCode) ? null : errorCode.Trim().ToUpperInvariant(),
        StartedAt = startedAt,
        Status = IncidentStatus.Open,
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        CreatedAt = now,
        CreatedById = actor.Id,
        CreatedByName = actor.Name,
    };

    public DomainError? Resolve(string summary, DateTimeOffset now)
    {
        if (Status != IncidentStatus.Open)
        {
            return DomainError.IncidentNotOpen;
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            return DomainError.TicketResolutionRequired;
        }

        Status = IncidentStatus.Resolved;
        ResolvedAt = now;
        ResolutionSummary = summary.Trim();
        Version++;
        return null;
    }
}
