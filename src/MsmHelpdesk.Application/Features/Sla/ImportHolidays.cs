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

/// <summary>
/// Imports a year's holidays pasted as lines "yyyy-mm-dd Name" (a tab, ';' or ',' may separate them), e.g. the
/// government's SKB list of national holidays and cuti bersama. All lines are checked first; a bad line saves
/// nothing. A date already in the calendar gets the imported name, so importing twice adds nothing.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record ImportHolidaysCommand : ICommand<Result<int>>
{
    public int Year { get; set; }

    public string Text { get; set; } = "";
}

public sealed class ImportHolidaysValidator : AbstractValidator<ImportHolidaysCommand>
{
    public const int MaxLines = 100;

    public ImportHolidaysValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage(_ => AppText.DateUnlikely);
        RuleFor(c => c.Text).Cascade(CascadeMode.Stop)
            .Must(text => HolidayLines.Parse(text, 0).Lines.Count > 0).WithMessage(_ => AppText.HolidayImportEmpty)
            .Custom((text, context) =>
            {
                var parsed = HolidayLines.Parse(text, context.InstanceToValidate.Year);
                if (parsed.Lines.Count > MaxLines)
                {
                    context.AddFailure(AppText.HolidayImportTooMany(MaxLines));
                }

                foreach (var problem in parsed.Problems)
                {
                    context.AddFailure(problem);
                }
            });
    }
}

public sealed class ImportHolidaysHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, SlaRulesCache rulesCache)
    : ICommandHandler<ImportHolidaysCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ImportHolidaysCommand command, CancellationToken cancellationToken)
    {
        var lines = HolidayLines.Parse(command.Text, command.Year).Lines;
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var previous = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var dates = lines.Select(line => line.Date).ToArray();
        var existing = await db.Holidays.Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, cancellationToken);
        var added = 0;
        foreach (var (date, name) in lines)
        {
            if (existing.TryGetValue(date, out var holiday))
            {
                holiday.Change(date, name, actor.Name, now);
            }
            else
            {
                db.Holidays.Add(Holiday.Create(date, name, actor.Name, now));
                added++;
            }
        }

        db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now,
            string.Create(CultureInfo.InvariantCulture, $"holidays imported for {command.Year}: {lines.Count} lines, {added} new")));
        await db.SaveChangesAsync(cancellationToken);
        rulesCache.Invalidate();
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return added;
    }
}
