using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Web.Api;

// The JSON of /api/v1: small records of their own, so renaming a message property never breaks an integration.
// Fields without a default are required in the document; a client may still leave them out, and the
// validators then name them, so the endpoints treat them as possibly null.

public sealed record CreateClientRequest(string Name, string Npwp, string? Kpp = null);

public sealed record ClientResponse(Guid Id, string Name, string Npwp, string? Kpp)
{
    public static ClientResponse From(ClientView client) => new(client.Id, client.Name, client.NpwpFormatted, client.Kpp);
}

/// <param name="ClientNpwp"></param>

/// <param name="ErrorText"></param>
/// <param name="Description"></param>
/// <param name="Activity"></param>/// <param name="Channel">How the client reached you; Api when left out.</param>
public sealed record CreateTicketRequest(string ClientNpwp, string ErrorText, string? Description = null, string? Activity = null, TicketChannel? Channel = null);

public sealed record AddNoteRequest(string Text);

/// <param name="Text">What the client wrote or said, as received.</param>
public sealed record ClientMessageRequest(string Text);

/// <param name="Number"></param>
/// <param name="Status">The ticket's status after the message: InProgress when it was waiting on the client or closed for lack of reply.</param>
public sealed record ClientMessageResponse(string Number, TicketStatus Status);

public sealed record TicketResponse(
    string Number,
    TicketStatus Status,
    TicketPriority Priority,
    TicketChannel Channel,
    string ClientName,
    string ClientNpwp,
    string ErrorText,
    string? ErrorCode,
    string? Activity,
    string? Description,
    string? AssigneeName,
    string? ResolutionSummary,
    DateTimeOffset ReportedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntryResponse> Timeline,
    ClassificationResponse? Classification)
{
    /// <summary>The SLA clocks when the ticket was read; null for a ticket logged before SLAs existed.</summary>
    public SlaResponse? Sla { get; init; }

    public static TicketResponse From(TicketView ticket) => new(
        ticket.Number, ticket.Status, ticket.Priority, ticket.Channel, ticket.ClientName, ticket.ClientNpwp,
        ticket.ErrorText, ticket.ErrorCode, ticket.Activity, ticket.Description, ticket.AssigneeName, ticket.ResolutionSummary,
        ticket.ReportedAt, ticket.CreatedAt, ticket.UpdatedAt,
        ticket.Timeline.Select(entry => new TimelineEntryResponse(entry.Kind, entry.At, entry.ActorName, entry.Text, entry.Field, entry.OldValue, entry.NewValue)).ToArray(),
        ticket.Suggested is null ? null : ClassificationResponse.From(ticket.Suggested));
}

/// <param name="State">None, OnTrack, AtRisk, Breached, Paused or Met.</param>
/// <param name="DueAt"></param>
/// <param name="RemainingMinutes">Business minutes left on the running clock (negative once overdue); null when none runs.</param>
/// <param name="FirstResponseDueAt"></param>
/// <param name="FirstRespondedAt"></param>
/// <param name="FirstResponseMet"></param>
/// <param name="ResolutionDueAt"></param>
/// <param name="ResolutionMet"></param>
public sealed record SlaResponse(
    MsmHelpdesk.Domain.Sla.SlaState State,
    DateTimeOffset? DueAt,
    int? RemainingMinutes,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstRespondedAt,
    bool? FirstResponseMet,
    DateTimeOffset? ResolutionDueAt,
    bool? ResolutionMet)
{
    public static SlaResponse? From(MsmHelpdesk.Application.Features.Sla.TicketSlaView view) =>
        view.State == MsmHelpdesk.Domain.Sla.SlaState.None
            ? null
            : new(view.State, view.DueAt, (view.PausedRemaining ?? view.Remaining) is { } left ? (int)Math.Round(left.TotalMinutes) : null,
                view.FirstResponseDueAt, view.FirstRespondedAt, view.FirstResponseMet, view.ResolutionDueAt, view.ResolutionMet);
}

/// <summary>The classifier's answer in the same spellings as `msmhelpdesk classify`; <c>system</c> (issue 14) is efaktur-desktop, coretax or unknown.</summary>
public sealed record ClassificationResponse(
    string? ErrorCode,
    bool AmbiguousCode,
    string Scenario,
    double ScenarioConfidence,
    string Cause,
    double CauseConfidence,
    IReadOnlyList<EvidenceResponse> Evidence,
    IReadOnlyList<string> Playbook,
    string Version,
    string System)
{
    public static ClassificationResponse From(MsmHelpdesk.Application.Features.Diagnosis.DiagnosisView view) => new(
        view.ErrorCodes.FirstOrDefault(), view.AmbiguousCode, view.Scenario, view.ScenarioConfidence, view.Cause, view.CauseConfidence,
        view.Evidence.Select(e => new EvidenceResponse(e.Points, e.Text, e.Field.ToString(), e.Start, e.Length, e.Source.ToString())).ToArray(),
        view.Playbook, view.Version, view.System);
}

public sealed record EvidenceResponse(string Points, string Text, string Field, int Start, int Length, string Source);

/// <param name="Text">The error text as the client reported it.</param>
/// <param name="Description"></param>
/// <param name="Activity"></param>
/// <param name="ClientNpwp">Optional: the client's certificate dates then count as evidence.</param>
/// <param name="ReportedAt"></param>
public sealed record ClassifyRequest(string Text, string? Description = null, string? Activity = null, string? ClientNpwp = null, DateTimeOffset? ReportedAt = null);

public sealed record TimelineEntryResponse(TimelineKind Kind, DateTimeOffset At, string ActorName, string? Text, string? Field, string? OldValue, string? NewValue);

public sealed record TicketSummaryResponse(
    string Number,
    TicketStatus Status,
    TicketPriority Priority,
    string ClientName,
    string ClientNpwp,
    string? ErrorCode,
    string ErrorText,
    string? AssigneeName,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>SLA state when the list was read: None, OnTrack, AtRisk, Breached, Paused or Met.</summary>
    public MsmHelpdesk.Domain.Sla.SlaState Sla { get; init; }

    /// <summary>Due instant of the clock that matters now (first response until given, then resolution); null while paused.</summary>
    public DateTimeOffset? SlaDueAt { get; init; }
}

public sealed record TicketPageResponse(IReadOnlyList<TicketSummaryResponse> Items, int TotalCount, int Page, int PageSize)
{
    /// <summary>True when more tickets match than were counted (1,000 for a list or a search): TotalCount is then a lower bound.</summary>
    public bool TotalCountIsCapped { get; init; }

    public static TicketPageResponse From(PagedList<TicketRow> page) => new(
        page.Items.Select(row => new TicketSummaryResponse(
            row.Number, row.Status, row.Priority, row.ClientName, row.ClientNpwp, row.ErrorCode, row.ErrorText, row.AssigneeName, row.ReportedAt, row.UpdatedAt)
        {
            Sla = row.Sla,
            SlaDueAt = row.SlaDueAt,
        }).ToArray(),
        page.TotalCount,
        page.Page,
        page.PageSize)
    {
        TotalCountIsCapped = page.TotalCountIsCapped,
    };
}
