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

/// <param name="Channel">How the client reached you; Api when left out.</param>
public sealed record CreateTicketRequest(string ClientNpwp, string ErrorText, string? Description = null, string? Activity = null, TicketChannel? Channel = null);

public sealed record AddNoteRequest(string Text);

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
    IReadOnlyList<TimelineEntryResponse> Timeline)
{
    public static TicketResponse From(TicketView ticket) => new(
        ticket.Number, ticket.Status, ticket.Priority, ticket.Channel, ticket.ClientName, ticket.ClientNpwp,
        ticket.ErrorText, ticket.ErrorCode, ticket.Activity, ticket.Description, ticket.AssigneeName, ticket.ResolutionSummary,
        ticket.ReportedAt, ticket.CreatedAt, ticket.UpdatedAt,
        ticket.Timeline.Select(entry => new TimelineEntryResponse(entry.Kind, entry.At, entry.ActorName, entry.Text, entry.Field, entry.OldValue, entry.NewValue)).ToArray());
}

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
    DateTimeOffset UpdatedAt);

public sealed record TicketPageResponse(IReadOnlyList<TicketSummaryResponse> Items, int TotalCount, int Page, int PageSize)
{
    public static TicketPageResponse From(PagedList<TicketRow> page) => new(
        page.Items.Select(row => new TicketSummaryResponse(
            row.Number, row.Status, row.Priority, row.ClientName, row.ClientNpwp, row.ErrorCode, row.ErrorText, row.AssigneeName, row.ReportedAt, row.UpdatedAt)).ToArray(),
        page.TotalCount,
        page.Page,
        page.PageSize);
}
