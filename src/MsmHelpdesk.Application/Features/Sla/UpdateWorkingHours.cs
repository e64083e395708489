using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>Opening hours and working weekdays (WIB). Open tickets' remaining business time is laid out again in the new hours.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record UpdateWorkingHoursCommand : ICommand<Result>
{
    public TimeOnly Opens { get; set; } = new(8, 0);

    public TimeOnly Closes { get; set; } = new(17, 0);

    public List<DayOfWeek> WorkingDays { get; set; } = [];
}

public sealed class UpdateWorkingHoursValidator : AbstractValidator<UpdateWorkingHoursCommand>
{
    public UpdateWorkingHoursValidator()
    {
        RuleFor(c => c.Closes).Must((c, closes) => closes > c.Opens).WithMessage(_ => AppText.SlaClosesBeforeOpens);
        RuleFor(c => c.WorkingDays).Cascade(CascadeMode.Stop)
            .Must(days => days.Count > 0).WithMessage(_ => AppText.SlaWorkingDaysRequired)
            .Must(days => days.All(Enum.IsDefined)).WithMessage(_ => AppText.SlaWorkingDaysRequired);
    }
}

public sealed class UpdateWorkingHoursHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, SlaRulesCache rulesCache)
    : ICommandHandler<UpdateWorkingHoursCommand, Result>
{
    public async ValueTask<Result> Handle(UpdateWorkingHoursCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var previous = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var hours = await db.WorkingHours.SingleOrDefaultAsync(cancellationToken);
        var days = command.WorkingDays.Distinct().ToArray();
        if (hours is null)
        {
            db.WorkingHours.Add(WorkingHours.Create(command.Opens, command.Closes, days, actor.Name, now));
        }
        else
        {
            hours.Change(command.Opens, command.Closes, days, actor.Name, now);
        }

        db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, string.Create(CultureInfo.InvariantCulture,
            $"hours: {previous.Opens:HH\\:mm}–{previous.Closes:HH\\:mm} {DayList(previous.WorkingDays)} → {command.Opens:HH\\:mm}–{command.Closes:HH\\:mm} {DayList(days)}")));
        await db.SaveChangesAsync(cancellationToken);
        rulesCache.Invalidate();
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return Result.Success();
    }

    private static string DayList(IEnumerable<DayOfWeek> days) =>
        string.Join(",", days.OrderBy(day => ((int)day + 6) % 7).Select(day => day.ToString()[..3]));
}
