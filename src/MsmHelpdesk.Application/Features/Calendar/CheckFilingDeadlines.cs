using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>
/// Daily: raises every open, not yet Urgent ticket whose problem (its diagnosed scenario) blocks a filing due within
/// 3 working days, and says why on its timeline. A raised ticket is Urgent from then on, so a re-run changes nothing.
/// Sent by "filing-deadlines".
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record CheckFilingDeadlinesCommand : ICommand<Result<FilingDeadlineOutcome>>;

public sealed record FilingDeadlineOutcome(int Raised, int Checked)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"filing deadlines: {Raised} tickets raised to urgent of {Checked} open tickets that block a filing");
}

public sealed class CheckFilingDeadlinesHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CheckFilingDeadlinesCommand, Result<FilingDeadlineOutcome>>
{
    public async ValueTask<Result<FilingDeadlineOutcome>> Handle(CheckFilingDeadlinesCommand command, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = Wib.Today(clock);
        await using var db = await databases.CreateAsync(cancellationToken);
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        var upcoming = await FilingDeadlines.NextAsync(db, today, sla.Calendar, cancellationToken);
        var blocking = Enum.GetValues<Domain.Classification.Scenario>()
            .Select(Domain.Classification.Wire.Of)
            .Where(scenario => FilingDeadlines.Threatened(upcoming, scenario, today, sla.Calendar) is not null)
            .ToArray();
        if (blocking.Length == 0)
        {
            return new FilingDeadlineOutcome(0, 0);
        }

        var tickets = await db.Tickets
            .Where(t => TicketWorkflow.Open.Contains(t.Status) && t.DiagnosedScenario != null && blocking.Contains(t.DiagnosedScenario))
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var ticket in tickets)
        {
            var due = FilingDeadlines.Threatened(upcoming, ticket.DiagnosedScenario, today, sla.Calendar)!;
            if (ticket.RaiseForDeadline(FilingDeadlines.Reason(due, today, sla.Calendar), actor, now, sla))
            {
                raised++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new FilingDeadlineOutcome(raised, tickets.Count);
    }
}
