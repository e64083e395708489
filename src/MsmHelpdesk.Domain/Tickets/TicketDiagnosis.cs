namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// A scenario and cause for a ticket in their wire spellings ("upload", "expired-certificate"), with
/// confidences, where it came from (a classifier version or "consultant") and the evidence as JSON.
/// </summary>
public sealed record TicketDiagnosis(
    string Scenario,
    double ScenarioConfidence,
    string Cause,
    double CauseConfidence,
    string Version,
    string? EvidenceJson,
    DateTimeOffset At);
