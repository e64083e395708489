using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Calendar;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>The next deadlines (one per calendar entry, earliest first) with the open tickets whose problem blocks each.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetUpcomingDeadlinesQuery : IQuery<Result<IReadOnlyList<UpcomingDeadlineView>>>
{
    public int Count { get; init; } = 4;
}

public sealed record UpcomingDeadlineView(string Name, TaxFiling Filing, DateOnly DueOn, bool WithinUrgentWindow, IReadOnlyList<ThreateningTicketView> Tickets);

public sealed record ThreateningTicketView(string Number, string ClientName, string ErrorText, TicketPriority Priority);

public sealed class GetUpcomingDeadlinesHandler(IAppDbContextFactory databases, TimeProvider clock)
    : IQueryHandler<GetUpcomingDeadlinesQuery, Result<IReadOnlyList<UpcomingDeadlineView>>>
{
    private const int TicketsPerDeadline = 5;

    public async ValueTask<Result<IReadOnlyList<UpcomingDeadlineView>>> Handle(GetUpcomingDeadlinesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var calendar = await Sla.SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var today = Wib.Today(clock);
        var upcoming = (await FilingDeadlines.NextAsync(db, today, calendar, cancellationToken)).Take(Math.Clamp(query.Count, 1, 12)).ToArray();
        var views = new List<UpcomingDeadlineView>();
        foreach (var due in upcoming)
        {
            var scenarios = Enum.GetValues<Domain.Classification.Scenario>().Select(Domain.Classification.Wire.Of)
                .Where(s => FilingBlocks.Of(s).Contains(due.Filing)).ToArray();
            var tickets = await db.Tickets.AsNoTracking()
                .Where(t => TicketWorkflow.Open.Contains(t.Status) && t.DiagnosedScenario != null && scenarios.Contains(t.DiagnosedScenario))
                .Join(db.Clients, t => t.ClientId, c => c.Id, (t, c) => new { t.Number, ClientName = c.Name, t.ErrorText, t.Priority, t.ReportedAt })
                .OrderByDescending(t => t.Priority).ThenBy(t => t.ReportedAt)
                .Take(TicketsPerDeadline)
                .Select(t => new ThreateningTicketView(t.Number, t.ClientName, t.ErrorText, t.Priority))
                .ToListAsync(cancellationToken);
            views.Add(new UpcomingDeadlineView(due.Name, due.Filing, due.DueOn, FilingBlocks.IsWithinWorkingDays(today, due.DueOn, calendar), tickets));
        }

        return views;
    }
}
