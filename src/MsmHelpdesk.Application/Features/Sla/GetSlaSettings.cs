using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>Everything the SLA settings page shows: hours, targets per priority, the holidays of a year and the audit trail.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetSlaSettingsQuery : IQuery<Result<SlaSettingsView>>
{
    /// <summary>The WIB year whose holidays are listed; the current year when null.</summary>
    public int? Year { get; set; }
}

public sealed class GetSlaSettingsValidator : AbstractValidator<GetSlaSettingsQuery>
{
    public GetSlaSettingsValidator() =>
        RuleFor(q => q.Year).Must(year => year is null or (>= 2000 and <= 2100)).WithMessage(_ => AppText.DateUnlikely);
}

public sealed record SlaSettingsView(
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<SlaPolicyView> Policies,
    int Year,
    IReadOnlyList<HolidayView> Holidays,
    IReadOnlyList<SlaSettingsChangeView> Changes);

public sealed record SlaPolicyView(TicketPriority Priority, decimal FirstResponseHours, decimal ResolutionHours, DateTimeOffset? UpdatedAt, string? UpdatedByName);

public sealed record HolidayView(Guid Id, DateOnly Date, string Name);

public sealed record SlaSettingsChangeView(DateTimeOffset At, string ActorName, string Description);

public sealed class GetSlaSettingsHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetSlaSettingsQuery, Result<SlaSettingsView>>
{
    public async ValueTask<Result<SlaSettingsView>> Handle(GetSlaSettingsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var calendar = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var saved = await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken);
        var policies = Enum.GetValues<TicketPriority>().Reverse().Select(priority =>
        {
            var policy = saved.FirstOrDefault(p => p.Priority == priority);
            var target = policy?.Target ?? SlaRules.DefaultTargets[priority];
            return new SlaPolicyView(priority, Hours(target.FirstResponse), Hours(target.Resolution), policy?.UpdatedAt, policy?.UpdatedByName);
        }).ToArray();
        var year = query.Year ?? Wib.Today(clock).Year;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).OrderBy(h => h.Date)
            .Select(h => new HolidayView(h.Id, h.Date, h.Name)).ToListAsync(cancellationToken);
        var changes = await db.SlaSettingsChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(50)
            .Select(c => new SlaSettingsChangeView(c.At, c.ActorName, c.Description)).ToListAsync(cancellationToken);
        var days = calendar.WorkingDays.OrderBy(day => ((int)day + 6) % 7).ToArray();
        return new SlaSettingsView(calendar.Opens, calendar.Closes, days, policies, year, holidays, changes);
    }

    private static decimal Hours(TimeSpan span) => Math.Round((decimal)span.TotalMinutes / 60m, 2);
}
