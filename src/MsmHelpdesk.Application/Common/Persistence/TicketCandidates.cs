namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>
/// What a full-text index found for a search term (<see cref="IAppDbContext.FindTicketCandidatesAsync"/>): the ids
/// when they were few enough, otherwise only that there were more than the limit (<see cref="Ids"/> is then empty).
/// </summary>
public sealed record TicketCandidates(IReadOnlyList<Guid> Ids, bool MoreThanLimit);
