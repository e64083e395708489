using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Calendar;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>The tax calendar for the settings page: every deadline with its next due date, and the latest changes.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetTaxCalendarQuery : IQuery<Result<TaxCalendarView>>;

public sealed record TaxCalendarView(IReadOnlyList<TaxDeadlineView> Deadlines, IReadOnlyList<TaxCalendarChangeView> Changes);

public sealed record TaxDeadlineView(Guid Id, string Name, TaxFiling Filing, int? Month, int Day, string? Source, DateOnly NextDue);

public sealed record TaxCalendarChangeView(DateTimeOffset At, string ActorName, string Description);

public sealed class GetTaxCalendarHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetTaxCalendarQuery, Result<TaxCalendarView>>
{
    public async ValueTask<Result<TaxCalendarView>> Handle(GetTaxCalendarQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var calendar = await Sla.SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var today = Wib.Today(clock);
        var deadlines = await db.TaxDeadlines.AsNoTracking().ToListAsync(cancellationToken);
        var changes = await db.AuditEntries.AsNoTracking().Where(e => e.Area == FilingDeadlines.AuditArea)
            .OrderByDescending(e => e.Id).Take(30)
            .Select(e => new TaxCalendarChangeView(e.At, e.ActorName, e.Description)).ToListAsync(cancellationToken);
        return new TaxCalendarView(
            deadlines.Select(d => new TaxDeadlineView(d.Id, d.Name, d.Filing, d.Month, d.Day, d.Source, d.NextDue(today, calendar)))
                .OrderBy(d => d.Month ?? 0).ThenBy(d => d.Day).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray(),
            changes);
    }
}
