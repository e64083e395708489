namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>
/// What a full-text index found for a search term (<see cref="IAppDbContext.FindTicketCandidatesAsync"/>): the ids of
/// its first limit + 1 entries (distinct), and whether there were more entries than the limit.
/// </summary>
public sealed record TicketCandidates(IReadOnlyList<Guid> Ids, bool MoreThanLimit);
