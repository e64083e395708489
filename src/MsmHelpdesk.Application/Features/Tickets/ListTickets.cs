using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
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

    /// <summary>A ticket number, client name, NPWP, or words from the error text or description.</summary>
    public string? Search { get; set; }
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
    DateTimeOffset UpdatedAt);

public sealed class ListTicketsValidator : AbstractValidator<ListTicketsQuery>
{
    public ListTicketsValidator()
    {
        Include(new PagingRules());
        RuleFor(query => query.ErrorCode).MaximumLength(32).WithMessage(_ => AppText.MaxLength(32));
        RuleFor(query => query.To).Must((query, to) => to is null || query.From is null || to >= query.From).WithMessage(_ => AppText.DateOrder);
        RuleFor(query => query.Queue).IsInEnum();
        RuleFor(query => query.SortBy).IsInEnum();
    }
}

public sealed class ListTicketsHandler(IAppDbContextFactory databases, ICurrentUser currentUser)
    : IQueryHandler<ListTicketsQuery, Result<PagedList<TicketRow>>>
{
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

        tickets = Filter(tickets, query);
        tickets = await SearchAsync(db, tickets, query.Search, cancellationToken);

        var total = await tickets.CountAsync(cancellationToken);
        var ordered = (query.SortBy, query.Descending) switch
        {
            (TicketSort.UpdatedAt, false) => tickets.OrderBy(t => t.UpdatedAt),
            (TicketSort.UpdatedAt, true) => tickets.OrderByDescending(t => t.UpdatedAt),
            (TicketSort.Number, false) => tickets.OrderBy(t => t.Number),
            (TicketSort.Number, true) => tickets.OrderByDescending(t => t.Number),
            (TicketSort.Priority, false) => tickets.OrderBy(t => t.Priority).ThenByDescending(t => t.ReportedAt),
            (TicketSort.Priority, true) => tickets.OrderByDescending(t => t.Priority).ThenByDescending(t => t.ReportedAt),
            (TicketSort.Status, false) => tickets.OrderBy(t => t.Status).ThenByDescending(t => t.ReportedAt),
            (TicketSort.Status, true) => tickets.OrderByDescending(t => t.Status).ThenByDescending(t => t.ReportedAt),
            (_, false) => tickets.OrderBy(t => t.ReportedAt),
            (_, true) => tickets.OrderByDescending(t => t.ReportedAt),
        };
        var rows = await ordered
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(t => new
            {
                t.Id,
                t.Number,
                t.ClientId,
                Client = db.Clients.Where(c => c.Id == t.ClientId).Select(c => new { c.Name, c.Npwp }).First(),
                t.ErrorCode,
                t.ErrorText,
                t.Status,
                t.Priority,
                Assignee = db.Staff.Where(s => s.Id == t.AssigneeId).Select(s => s.DisplayName).FirstOrDefault(),
                t.ReportedAt,
                t.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(row => new TicketRow(
            row.Id, row.Number, row.ClientId, row.Client.Name, Npwp.Format(row.Client.Npwp), row.ErrorCode, row.ErrorText,
            row.Status, row.Priority, row.Assignee, row.ReportedAt, row.UpdatedAt)).ToArray();
        return new PagedList<TicketRow>(items, total, query.Page, query.PageSize);
    }

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

        return tickets;
    }

    /// <summary>
    /// A ticket number is looked up exactly, NPWP digits through the client index, anything else as words
    /// in the client name, error text and description.
    /// </summary>
    private static async Task<IQueryable<Ticket>> SearchAsync(IAppDbContext db, IQueryable<Ticket> tickets, string? search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return tickets;
        }

        var term = search.Trim();
        if (TicketNumber.LooksLikeOne(term))
        {
            var number = term.ToUpperInvariant();
            return tickets.Where(t => t.Number == number);
        }

        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 8 && term.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ' '))
        {
            var clientIds = await db.Clients.Where(c => c.Npwp.Contains(digits)).Select(c => c.Id).Take(1000).ToListAsync(cancellationToken);
            return tickets.Where(t => clientIds.Contains(t.ClientId));
        }

        var pattern = "%" + EscapeLike(term) + "%";
        var matchingClients = await db.Clients.Where(c => EF.Functions.Like(c.Name, pattern, "\\")).Select(c => c.Id).Take(1000).ToListAsync(cancellationToken);
        return tickets.Where(t =>
            EF.Functions.Like(t.Number, pattern, "\\")
            || EF.Functions.Like(t.ErrorText, pattern, "\\")
            || (t.Description != null && EF.Functions.Like(t.Description, pattern, "\\"))
            || matchingClients.Contains(t.ClientId));
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static DateTimeOffset StartOfWibDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Time.Wib.Offset).ToUniversalTime();
}

/// <summary>Active helpdesk users who can be given tickets.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListStaffQuery : IQuery<Result<IReadOnlyList<StaffMember>>>;

public sealed class ListStaffHandler(IAppDbContextFactory databases) : IQueryHandler<ListStaffQuery, Result<IReadOnlyList<StaffMember>>>
{
    public async ValueTask<Result<IReadOnlyList<StaffMember>>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        return await db.Staff.Where(s => s.IsActive).OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);
    }
}
