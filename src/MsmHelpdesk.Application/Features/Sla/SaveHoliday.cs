using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>Adds a holiday (Id empty) or changes one.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record SaveHolidayCommand : ICommand<Result<Guid>>
{
    public Guid Id { get; set; }

    public DateOnly? Date { get; set; }

    public string Name { get; set; } = "";
}

public sealed class SaveHolidayValidator : AbstractValidator<SaveHolidayCommand>
{
    public SaveHolidayValidator()
    {
        RuleFor(c => c.Date).NotNull().WithMessage(_ => AppText.Required)
            .Must(date => date is null || (date.Value.Year >= 2000 && date.Value.Year <= 2100)).WithMessage(_ => AppText.DateUnlikely);
        RuleFor(c => c.Name).RequiredText(FieldLimits.HolidayNameMaxLength);
    }
}

public sealed class SaveHolidayHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, SlaRulesCache rulesCache)
    : ICommandHandler<SaveHolidayCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveHolidayCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var date = command.Date!.Value;
        if (await db.Holidays.AnyAsync(h => h.Date == date && h.Id != command.Id, cancellationToken))
        {
            return Error.Validation(nameof(command.Date), AppText.HolidayDateTaken(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var previous = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        Holiday holiday;
        if (command.Id == Guid.Empty)
        {
            holiday = Holiday.Create(date, command.Name, actor.Name, now);
            db.Holidays.Add(holiday);
            db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, $"holiday added: {HolidayLines.Describe(date, holiday.Name)}"));
        }
        else
        {
            var found = await db.Holidays.SingleOrDefaultAsync(h => h.Id == command.Id, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("holiday-not-found", AppText.HolidayNotFound);
            }

            var before = HolidayLines.Describe(found.Date, found.Name);
            found.Change(date, command.Name, actor.Name, now);
            holiday = found;
            db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, $"holiday changed: {before} → {HolidayLines.Describe(date, holiday.Name)}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        rulesCache.Invalidate();
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return holiday.Id;
    }
}
