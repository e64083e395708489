using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

public enum TicketQueue
{
    AllOpen,
    Mine,
    Unassigned,
    All,
}

public enum TicketSort
{
    ReportedAt,
    UpdatedAt,
    Number,
    Priority,
    Status,
}

/// <summary>The work lists, filtered, searched, sorted and paged in the database.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListTicketsQuery : IQuery<Result<PagedList<TicketRow>>>, IPagedQuery
{
    public TicketQueue Queue { get; set; } = TicketQueue.AllOpen;
    public List<TicketStatus> Statuses { get; set; } = [];
    public List<TicketPriority> Priorities { get; set; } = [];
    public string? AssigneeId { get; set; }
    public Guid? ClientId { get; set; }
    public string? ErrorCode { get; set; }

    /// <summary>Reported on or after this day (WIB).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Reported on or before this day (WIB).</summary>
    public DateOnly? To { get; set; }

    /// <summary>Resolved on or after this day (WIB).</summary>
    public DateOnly? ResolvedFrom { get; set; }

    /// <summary>Resolved on or before this day (WIB).</summary>
    public DateOnly? ResolvedTo { get; set; }

    /// <summary>A ticket number, client name, NPWP, or words from the error text or description.</summary>
    public string? Search { get; set; }

    /// <summary>SLA states to show (any of them), decided in SQL at the time of the query.</summary>
    public List<SlaState> SlaStates { get; set; } = [];
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 25;
    public TicketSort SortBy { get; set; } = TicketSort.ReportedAt;
    public bool Descending { get; set; } = true;
}

public sealed record TicketRow(
    Guid Id,
    string Number,
    Guid ClientId,
    string ClientName,
    string ClientNpwp,
    string? ErrorCode,
    string ErrorText,
    TicketStatus Status,
    TicketPriority Priority,
    string? AssigneeName,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt)
{
    public SlaState Sla { get; init; }

    /// <summary>Due instant of the clock that matters now (first response until given, then resolution).</summary>
    public DateTimeOffset? SlaDueAt { get; init; }
}

public sealed class ListTicketsValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsValidator()
    {
        Include(new PagingValidator());
        RuleFor(query => query.ErrorCode).MaximumLength(32).WithMessage(_ => AppText.MaxLength(32));
        RuleFor(query => query.To).Must((query, to) => to is null || query.From is null || to >= query.From).WithMessage(_ => AppText.DateOrder);
        RuleFor(query => query.ResolvedTo).Must((query, to) => to is null || query.ResolvedFrom is null || to >= query.ResolvedFrom).WithMessage(_ => AppText.DateOrder);
        RuleFor(query => query.Queue).IsInEnum();
        RuleFor(query => query.SortBy).IsInEnum();
    }
}

public sealed class ListTicketsHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, ITicketFullText fullText)
    : IQueryHandler<ListTicketsQuery, Result<PagedList<TicketRow>>>
{
    /// <summary>A search counts matches up to this many; more are shown as "more than".</summary>
    public const int SearchCountCap = 1000;

    /// <summary>
    /// A list (no search word) counts matches up to this many; more are shown as "more than". Counting is the one part
    /// of a page that grows with the queue (an open queue is 20,000 tickets at a million), so it stops where a pager
    /// of 25 rows stops being a useful guide (decision 0184).
    /// </summary>
    public const int ListCountCap = 1_000;

    /// <summary>
    /// A search of open tickets reads its candidates from the index of open tickets alone when it finds at most this
    /// many; more, and the plain search reads the queue's tickets page by page (cheaper once the candidates are a large
    /// share of the queue). Above the open queue's matches of a word common in the whole history (decision 0176).
    /// </summary>
    public const int OpenSearchCandidateLimit = 2_000;

    public async ValueTask<Result<PagedList<TicketRow>>> Handle(ListTicketsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking();
        var open = TicketWorkflow.Open.ToArray();
        switch (query.Queue)
        {
            case TicketQueue.Mine:
                var me = (await currentUser.GetAsync(cancellationToken)).UserId;
                tickets = tickets.Where(t => t.AssigneeId == me && open.Contains(t.Status));
                break;
            case TicketQueue.Unassigned:
                tickets = tickets.Where(t => t.AssigneeId == null && open.Contains(t.Status));
                break;
            case TicketQueue.AllOpen:
                tickets = tickets.Where(t => open.Contains(t.Status));
                break;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        tickets = Filter(tickets, query);
        if (query.SlaStates.Count > 0)
        {
            tickets = tickets.Where(Sla.SlaQueries.InAny(query.SlaStates, now));
        }

        // Open tickets only (the queues, or a status filter of open statuses): a word is looked up in the open tickets' index.
        var openOnly = query.Queue != TicketQueue.All || (query.Statuses.Count > 0 && query.Statuses.All(TicketWorkflow.IsOpen));
        var found = await SearchAsync(db, tickets, query, openOnly, cancellationToken);

        // Counting every match costs a read of every matching row (a million for "all tickets"), so a list counts up to
        // a cap and says "more than"; a broad word ("40002") sooner. The page itself stops after its rows. The index of
        // open tickets may already know the count of the whole open queue's matches.
        var cap = found.Broad ? SearchCountCap : ListCountCap;
        var total = found.Count is { } known ? Math.Min(known, cap + 1) : await found.Matches.Take(cap + 1).CountAsync(cancellationToken);
        var capped = total > cap;
        var page = found.PageIds is { } pageIds
            ? Order(db.Tickets.AsNoTracking().Where(t => pageIds.Contains(t.Id)), query)
            : Page(db.Tickets.AsNoTracking(), found.PageMatches ?? found.Matches, query, found.FromIndex, open);
        var rows = await page
            .Select(t => new
            {
                t.Id,
                t.Number,
                t.ClientId,
                t.ErrorCode,
                t.ErrorText,
                t.Status,
                t.Priority,
                t.AssigneeId,
                t.ReportedAt,
                t.UpdatedAt,
                Sla = new SlaFacts(open.Contains(t.Status), t.SlaResolutionTargetMinutes, t.SlaFirstResponseDueAt, t.SlaFirstResponseAtRiskAt,
                    t.SlaFirstRespondedAt, t.SlaFirstResponseMet, t.SlaResolutionDueAt, t.SlaResolutionAtRiskAt, t.SlaResolutionPausedAt, t.SlaResolutionMet),
            })
            .ToListAsync(cancellationToken);

        // Names for the page's rows only: two small lookups instead of a join over every client.
        var clientIds = rows.Select(row => row.ClientId).Distinct().ToArray();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Npwp }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var assigneeIds = rows.Select(row => row.AssigneeId).OfType<string>().Distinct().ToArray();
        var assignees = await db.Staff.Where(s => assigneeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var items = rows.Select(row => new TicketRow(
            row.Id, row.Number, row.ClientId, clients[row.ClientId].Name, Npwp.Format(clients[row.ClientId].Npwp), row.ErrorCode, row.ErrorText,
            row.Status, row.Priority, row.AssigneeId is null ? null : assignees.GetValueOrDefault(row.AssigneeId), row.ReportedAt, row.UpdatedAt)
        {
            Sla = row.Sla.StateAt(now),
            SlaDueAt = row.Sla.NextDue.DueAt,
        }).ToArray();
        return new PagedList<TicketRow>(items, capped ? cap : total, query.Page, query.PageSize) { TotalCountIsCapped = capped };
    }

    /// <summary>
    /// The page's tickets. Over a set of statuses (the queues of open tickets) the page is read per status: each
    /// status's first tickets in the chosen order come in that order from an index leading with the status
    /// ((Status, ReportedAt), (Status, Priority, ReportedAt), (Status, Number), (Status, ErrorCode, ReportedAt)), so only
    /// a page's worth of rows per status is read and sorted. Asked as one "status IN (…)" query, SQLite would read and
    /// sort every open ticket (20,000 at a million tickets) for each page. Matches found through a full-text index
    /// (<paramref name="fromIndex"/>) are few and are read directly.
    /// The merge picks the page's ids only, and the page's rows are then read by id: in the default order the walk reads
    /// the (Status, ReportedAt, …, Id) index alone, so a later page skips index entries rather than table rows.
    /// </summary>
    private static IQueryable<Ticket> Page(IQueryable<Ticket> all, IQueryable<Ticket> matches, ListTicketsQuery query, bool fromIndex, TicketStatus[] open)
    {
        var skip = (query.Page - 1) * query.PageSize;
        var statuses = query.Statuses.Count > 0 ? query.Statuses.Where(status => query.Queue == TicketQueue.All || open.Contains(status)).Distinct().ToArray()
            : query.Queue == TicketQueue.All ? null
            : open;
        if (fromIndex || statuses is not { Length: > 1 } || skip + query.PageSize > 1000)
        {
            return Order(matches, query).Skip(skip).Take(query.PageSize);
        }

        IQueryable<Ticket>? first = null;
        foreach (var status in statuses)
        {
            var part = Order(matches.Where(t => t.Status == status), query).Take(skip + query.PageSize);
            first = first is null ? part : first.Concat(part);
        }

        var ids = Order(first!, query).Skip(skip).Take(query.PageSize).Select(t => t.Id);
        return Order(all.Where(t => ids.Contains(t.Id)), query);
    }

    private static IOrderedQueryable<Ticket> Order(IQueryable<Ticket> matches, ListTicketsQuery query) => (query.SortBy, query.Descending) switch
    {
        (TicketSort.UpdatedAt, false) => matches.OrderBy(t => t.UpdatedAt),
        (TicketSort.UpdatedAt, true) => matches.OrderByDescending(t => t.UpdatedAt),
        (TicketSort.Number, false) => matches.OrderBy(t => t.Number),
        (TicketSort.Number, true) => matches.OrderByDescending(t => t.Number),
        (TicketSort.Priority, false) => matches.OrderBy(t => t.Priority).ThenByDescending(t => t.ReportedAt),
        (TicketSort.Priority, true) => matches.OrderByDescending(t => t.Priority).ThenByDescending(t => t.ReportedAt),
        (TicketSort.Status, false) => matches.OrderBy(t => t.Status).ThenByDescending(t => t.ReportedAt),
        (TicketSort.Status, true) => matches.OrderByDescending(t => t.Status).ThenByDescending(t => t.ReportedAt),
        (_, false) => matches.OrderBy(t => t.ReportedAt),
        (_, true) => matches.OrderByDescending(t => t.ReportedAt),
    };

    private static IQueryable<Ticket> Filter(IQueryable<Ticket> tickets, ListTicketsQuery query)
    {
        if (query.Statuses.Count > 0)
        {
            var statuses = query.Statuses.ToArray();
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }

        if (query.Priorities.Count > 0)
        {
            var priorities = query.Priorities.ToArray();
            tickets = tickets.Where(t => priorities.Contains(t.Priority));
        }

        if (!string.IsNullOrWhiteSpace(query.AssigneeId))
        {
            tickets = tickets.Where(t => t.AssigneeId == query.AssigneeId);
        }

        if (query.ClientId is { } clientId)
        {
            tickets = tickets.Where(t => t.ClientId == clientId);
        }

        if (!string.IsNullOrWhiteSpace(query.ErrorCode))
        {
            var code = query.ErrorCode.Trim().ToUpperInvariant();
            tickets = tickets.Where(t => t.ErrorCode == code);
        }

        if (query.From is { } from)
        {
            var start = StartOfWibDay(from);
            tickets = tickets.Where(t => t.ReportedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOfWibDay(to.AddDays(1));
            tickets = tickets.Where(t => t.ReportedAt < end);
        }

        if (query.ResolvedFrom is { } resolvedFrom)
        {
            var start = StartOfWibDay(resolvedFrom);
            tickets = tickets.Where(t => t.ResolvedAt >= start);
        }

        if (query.ResolvedTo is { } resolvedTo)
        {
            var end = StartOfWibDay(resolvedTo.AddDays(1));
            tickets = tickets.Where(t => t.ResolvedAt < end);
        }

        return tickets;
    }

    /// <summary>
    /// <paramref name="queue"/> itself, nothing else asked: the index of open tickets holds exactly the open queue's
    /// tickets, the two indexes together (at least) every ticket (decision 0214).
    /// </summary>
    private static bool AsksOnlyFor(ListTicketsQuery query, TicketQueue queue) =>
        query.Queue == queue
        && query is { Statuses.Count: 0, Priorities.Count: 0, ClientId: null, From: null, To: null, ResolvedFrom: null, ResolvedTo: null, SlaStates.Count: 0 }
        && string.IsNullOrWhiteSpace(query.AssigneeId) && string.IsNullOrWhiteSpace(query.ErrorCode);

    /// <summary>A ticket's number, error text or description contains the LIKE <paramref name="pattern"/>.</summary>
    private static Expression<Func<Ticket, bool>> TextsLike(string pattern) => t =>
        EF.Functions.Like(t.Number, pattern, "\\")
        || EF.Functions.Like(t.ErrorText, pattern, "\\")
        || (t.Description != null && EF.Functions.Like(t.Description, pattern, "\\"));

    /// <summary>
    /// A search's matches. <see cref="Count"/>: their number when the index alone knows it (no count query then);
    /// <see cref="PageMatches"/>: the same matches written for the page's walk of the status indexes;
    /// <see cref="PageIds"/>: the page's tickets themselves, in the list's order, when the index already chose them.
    /// </summary>
    private sealed record Found(
        IQueryable<Ticket> Matches, bool Broad, bool FromIndex, int? Count = null, IQueryable<Ticket>? PageMatches = null, IReadOnlyList<Guid>? PageIds = null);

    /// <summary>
    /// A ticket number is looked up exactly, NPWP digits through the client index, and words through the
    /// full-text index (SQL Server: CONTAINS; SQLite: trigram candidates when it finds few enough); otherwise (a broad word, or no index) by LIKE
    /// over the ordered tickets, which the caller counts only up to a cap. Client names match too.
    /// </summary>
    private async Task<Found> SearchAsync(IAppDbContext db, IQueryable<Ticket> tickets, ListTicketsQuery query, bool openOnly, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            return new Found(tickets, false, false);
        }

        var term = query.Search.Trim();
        var wholeOpenQueue = AsksOnlyFor(query, TicketQueue.AllOpen);
        var wholeHistory = AsksOnlyFor(query, TicketQueue.All);
        var skip = (query.Page - 1) * query.PageSize;
        if (TicketNumber.LooksLikeOne(term))
        {
            var number = term.ToUpperInvariant();
            return new Found(tickets.Where(t => t.Number == number), false, false);
        }

        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 8 && term.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ' '))
        {
            var npwpClients = db.Clients.Where(c => c.Npwp.Contains(digits)).Select(c => c.Id);
            return new Found(tickets.Where(t => npwpClients.Contains(t.ClientId)), false, false);
        }

        var pattern = "%" + EscapeLike(term) + "%";
        var namedClients = db.Clients.Where(c => EF.Functions.Like(c.Name, pattern, "\\")).Select(c => c.Id);
        if (await fullText.MatchAsync(db, term, namedClients, cancellationToken) is { } match)
        {
            // SQL Server with Full-Text Search: words (as prefixes) through the full-text index instead of LIKE.
            return new Found(tickets.Where(match), true, true);
        }

        var plain = new Found(tickets.Where(t =>
            EF.Functions.Like(t.Number, pattern, "\\")
            || EF.Functions.Like(t.ErrorText, pattern, "\\")
            || (t.Description != null && EF.Functions.Like(t.Description, pattern, "\\"))
            || namedClients.Contains(t.ClientId)), true, false);

        // The whole open queue in its default order (report time): the index of open tickets holds its tickets in report
        // order, so it gives the number of matches, up to the count's cap, and the page's ids itself, however many match
        // (decisions 0195, 0209).
        bool? someClientNamed = wholeOpenQueue && query.SortBy == TicketSort.ReportedAt ? await namedClients.AnyAsync(cancellationToken) : null;
        if (someClientNamed == false
            && await db.FindOpenTicketMatchesInReportOrderAsync(term, SearchCountCap, skip, query.PageSize, query.Descending, cancellationToken) is { } inOrder)
        {
            return plain with { Count = inOrder.Count, PageIds = inOrder.PageIds };
        }

        // Open tickets ask the index of open tickets alone: a word common in the whole history (thousands of resolved
        // tickets) but rarer in the queue is found there without reading every open ticket's text.
        var found = await db.FindTicketCandidatesAsync(term, openOnly ? OpenSearchCandidateLimit : SearchCountCap, openOnly, cancellationToken);
        if (found is null)
        {
            return plain;
        }

        if (found.MoreThanLimit && !openOnly)
        {
            // The whole history's index found more entries than the count's cap. Its entries may be of older texts, so
            // they are re-checked by id; when more than the cap of them still match, the count is capped without the
            // count query, which would read the tickets in table order until a thousand match (11 ms of CPU for
            // "kadaluwarsa" at 1M against 2.6 ms for the re-check, decision 0190). Only for the whole history unfiltered:
            // with a filter, most candidates could be outside it.
            if (!wholeHistory || found.Ids.Count <= SearchCountCap)
            {
                return plain;
            }

            var stillMatching = await tickets.Where(t => EF.Parameter(found.Ids).Contains(t.Id)).Where(TextsLike(pattern)).CountAsync(cancellationToken);
            return stillMatching > SearchCountCap ? plain with { Count = SearchCountCap + 1 } : plain;
        }

        // The index joins a ticket's three texts with spaces, so for a word without a space (most searches) its matches
        // are exactly the tickets whose texts contain the word: no re-check, and for the whole open queue no count query
        // either (decision 0177). The open index's "more than 2,000" is then more than the count's cap. The index says
        // when its answer is exact (ASCII only: that SQLite's LIKE and the trigram index agree on letter case elsewhere is
        // not something to lean on).
        var exact = found.Exact;
        if (found.MoreThanLimit)
        {
            return exact && wholeOpenQueue ? plain with { Count = OpenSearchCandidateLimit + 1 } : plain;
        }

        var candidates = found.Ids;
        var clientNamed = someClientNamed ?? await namedClients.AnyAsync(cancellationToken);
        if (exact && !clientNamed)
        {
            // The page walks each status's index in the list's order and keeps the candidates' entries, reading only the
            // page's rows; with the id as a lookup key instead, SQLite would read and sort every candidate's row. Ids
            // compared as upper-case text are the same test, and one SQLite cannot answer from the id index.
            var texts = candidates.Select(id => id.ToString().ToUpperInvariant()).ToArray();
            return new Found(tickets.Where(t => EF.Parameter(candidates).Contains(t.Id)), true, false, wholeOpenQueue ? candidates.Count : null,
                tickets.Where(t => EF.Parameter(texts).Contains(t.Id.ToString().ToUpper())));
        }

        // Candidates to re-check (a term with a space, beyond ASCII, of the whole history, or naming a client too). They go
        // as one parameter (a JSON array, not a parameter each: a thousand of them would make every search a new
        // statement) and are looked up by id; the "or" of a client name would make SQLite walk every ticket of the queue,
        // so it is there only when some client's name matches.
        var matches = tickets.Where(t => EF.Parameter(candidates).Contains(t.Id)).Where(TextsLike(pattern));
        if (clientNamed)
        {
            matches = tickets.Where(t =>
                (candidates.Contains(t.Id)
                    && (EF.Functions.Like(t.Number, pattern, "\\")
                        || EF.Functions.Like(t.ErrorText, pattern, "\\")
                        || (t.Description != null && EF.Functions.Like(t.Description, pattern, "\\"))))
                || namedClients.Contains(t.ClientId));
        }

        return new Found(matches, true, true);
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static DateTimeOffset StartOfWibDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Time.Wib.Offset).ToUniversalTime();
}
