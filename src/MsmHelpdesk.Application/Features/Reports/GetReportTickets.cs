using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// The tickets behind a cell of the scenario × cause matrix: ETAX-40002 tickets reported in the filter's range
/// with that diagnosis (confirmed, else suggested; "-" for none), newest first, paged in the database.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetReportTicketsQuery : IQuery<Result<PagedList<ReportTicketRow>>>, IPagedQuery
{
    public ReportFilter Filter { get; set; } = new();
    public string Scenario { get; set; } = ReportSections.None;
    public string Cause { get; set; } = ReportSections.None;
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 50;
    public string? Search => null;
}

public sealed record ReportTicketRow(string Number, string ClientName, TicketStatus Status, bool Confirmed, DateTimeOffset ReportedAt);

public sealed class GetReportTicketsValidator : AbstractValidator<GetReportTicketsQuery>
{
    public GetReportTicketsValidator()
    {
        Include(new PagingValidator());
        RuleFor(query => query.Filter).SetValidator(new ReportFilterValidator());
        RuleFor(query => query.Scenario).NotEmpty().MaximumLength(20).WithMessage(_ => AppText.MaxLength(20));
        RuleFor(query => query.Cause).NotEmpty().MaximumLength(30).WithMessage(_ => AppText.MaxLength(30));
    }
}

public sealed class GetReportTicketsHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetReportTicketsQuery, Result<PagedList<ReportTicketRow>>>
{
    public async ValueTask<Result<PagedList<ReportTicketRow>>> Handle(GetReportTicketsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var scope = ReportScope.Create(db, query.Filter, clock.GetUtcNow());
        var tickets = scope.Reported.Where(t => t.ErrorCode == ReportSections.Etax40002);
        string? scenario = query.Scenario == ReportSections.None ? null : query.Scenario;
        string? cause = query.Cause == ReportSections.None ? null : query.Cause;
        tickets = scenario is null ? tickets.Where(t => t.DiagnosedScenario == null) : tickets.Where(t => t.DiagnosedScenario == scenario);
        tickets = cause is null ? tickets.Where(t => t.DiagnosedCause == null) : tickets.Where(t => t.DiagnosedCause == cause);

        var total = await tickets.CountAsync(cancellationToken);
        var rows = await tickets.OrderByDescending(t => t.ReportedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(t => new { t.Number, t.ClientId, t.Status, Confirmed = t.DiagnosisSeconds != null, t.ReportedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ClientId).Distinct().ToArray();
        var names = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new PagedList<ReportTicketRow>(
            rows.Select(r => new ReportTicketRow(r.Number, names[r.ClientId], r.Status, r.Confirmed, r.ReportedAt)).ToArray(), total, query.Page, query.PageSize);
    }
}
