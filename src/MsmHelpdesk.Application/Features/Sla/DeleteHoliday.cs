using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record DeleteHolidayCommand : ICommand<Result>
{
    public Guid Id { get; set; }
}

public sealed class DeleteHolidayHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, SlaRulesCache rulesCache)
    : ICommandHandler<DeleteHolidayCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteHolidayCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var holiday = await db.Holidays.SingleOrDefaultAsync(h => h.Id == command.Id, cancellationToken);
        if (holiday is null)
        {
            return Error.NotFound("holiday-not-found", AppText.HolidayNotFound);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var previous = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        db.Holidays.Remove(holiday);
        db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, $"holiday deleted: {HolidayLines.Describe(holiday.Date, holiday.Name)}"));
        await db.SaveChangesAsync(cancellationToken);
        rulesCache.Invalidate();
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return Result.Success();
    }
}
