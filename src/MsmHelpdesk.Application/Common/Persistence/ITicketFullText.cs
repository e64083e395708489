using System.Linq.Expressions;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>
/// The database's own full-text search over a ticket's number, error text and description, where it has one that
/// a query can name (SQL Server's <c>CONTAINS</c>). SQLite keeps its trigram candidates
/// (<see cref="IAppDbContext.FindTicketCandidatesAsync"/>); without either, search falls back to LIKE.
/// </summary>
public interface ITicketFullText
{
    /// <summary>
    /// A condition matching tickets whose text contains every word of <paramref name="term"/> (as a word prefix), or
    /// whose client is one of <paramref name="namedClients"/>; null when the database has no full-text index to ask.
    /// </summary>
    ValueTask<Expression<Func<Ticket, bool>>?> MatchAsync(IAppDbContext db, string term, IQueryable<Guid> namedClients, CancellationToken cancellationToken);
}
