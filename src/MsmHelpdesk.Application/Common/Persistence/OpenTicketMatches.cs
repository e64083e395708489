namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>
/// What the open tickets' index found for a term in report order (<see cref="IAppDbContext.FindOpenTicketMatchesInReportOrderAsync"/>):
/// the number of matches, counted up to the limit + 1, and the ids of the asked page of them.
/// </summary>
public sealed record OpenTicketMatches(int Count, IReadOnlyList<Guid> PageIds);
