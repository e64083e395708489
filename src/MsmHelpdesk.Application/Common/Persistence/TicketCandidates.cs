namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>
/// What a full-text index found for a search term (<see cref="IAppDbContext.FindTicketCandidatesAsync"/>): the ids of
/// its first limit + 1 entries (distinct; the whole history's search counts distinct tickets, decision 0214), whether
/// there were more than the limit, and whether they are exactly the tickets whose texts contain the term (the open
/// index's phrase path, decision 0190: no re-check needed).
/// </summary>
public sealed record TicketCandidates(IReadOnlyList<Guid> Ids, bool MoreThanLimit, bool Exact = false);
