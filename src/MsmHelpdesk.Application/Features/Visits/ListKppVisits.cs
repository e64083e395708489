using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>The agenda: planned KPP visits from today (WIB) on, soonest first, mine or everyone's, paged in the database.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListKppVisitsQuery : IQuery<Result<PagedList<AgendaVisit>>>
{
    public bool MineOnly { get; set; } = true;
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 25;
}

public sealed record AgendaVisit(
    Guid Id, Guid TicketId, string TicketNumber, string ClientName, string Kpp, DateTimeOffset At, string OfficerName,
    string? AssigneeName, KppDocuments Documents)
{
    public KppDocuments Missing => KppVisit.AllDocuments & ~Documents;

    public DateOnly DayWib => DateOnly.FromDateTime(Wib.ToWib(At).DateTime);
}

public sealed class ListKppVisitsValidator : AbstractValidator<ListKppVisitsQuery>
{
    public ListKppVisitsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage(_ => AppText.PageOutOfRange(WorkLimits.AgendaMaxPageSize));
        RuleFor(q => q.PageSize).InclusiveBetween(1, WorkLimits.AgendaMaxPageSize).WithMessage(_ => AppText.PageOutOfRange(WorkLimits.AgendaMaxPageSize));
    }
}

public sealed class ListKppVisitsHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListKppVisitsQuery, Result<PagedList<AgendaVisit>>>
{
    public async ValueTask<Result<PagedList<AgendaVisit>>> Handle(ListKppVisitsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var me = (await currentUser.GetAsync(cancellationToken)).UserId;
        var fromToday = new DateTimeOffset(Wib.Today(clock).ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        var visits = db.KppVisits.AsNoTracking().Where(v => v.Outcome == KppVisitOutcome.Scheduled && v.At >= fromToday);
        if (query.MineOnly)
        {
            visits = visits.Where(v => v.AssigneeId == me);
        }

        var total = await visits.CountAsync(cancellationToken);
        var rows = await (
                from visit in visits.OrderBy(v => v.At).ThenBy(v => v.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                join ticket in db.Tickets on visit.TicketId equals ticket.Id
                join client in db.Clients on visit.ClientId equals client.Id
                select new
                {
                    visit.Id,
                    visit.TicketId,
                    ticket.Number,
                    ClientName = client.Name,
                    visit.Kpp,
                    visit.At,
                    visit.OfficerName,
                    visit.AssigneeId,
                    visit.Documents,
                })
            .ToListAsync(cancellationToken);
        var assigneeIds = rows.Where(r => r.AssigneeId != null).Select(r => r.AssigneeId!).Distinct().ToArray();
        var names = await db.Staff.Where(s => assigneeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var items = rows
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new AgendaVisit(r.Id, r.TicketId, r.Number, r.ClientName, r.Kpp, r.At, r.OfficerName,
                r.AssigneeId is { } id ? names.GetValueOrDefault(id) : null, r.Documents))
            .ToArray();
        return new PagedList<AgendaVisit>(items, total, query.Page, query.PageSize);
    }
}
