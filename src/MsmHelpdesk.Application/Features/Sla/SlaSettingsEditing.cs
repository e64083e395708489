using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
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

/// <summary>Changes the targets of one priority. Running clocks keep the targets they started with until the ticket's priority changes.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record UpdateSlaPolicyCommand : ICommand<Result>
{
    public TicketPriority Priority { get; set; }

    /// <summary>Business hours, e.g. 1.5 for 90 minutes.</summary>
    public decimal FirstResponseHours { get; set; }

    public decimal ResolutionHours { get; set; }
}

public sealed class UpdateSlaPolicyValidator : AbstractValidator<UpdateSlaPolicyCommand>
{
    public const decimal MaxHours = 1000;

    public UpdateSlaPolicyValidator()
    {
        RuleFor(c => c.Priority).IsInEnum();
        RuleFor(c => c.FirstResponseHours).Must(InRange).WithMessage(_ => AppText.SlaHoursRange(MaxHours));
        RuleFor(c => c.ResolutionHours).Cascade(CascadeMode.Stop)
            .Must(InRange).WithMessage(_ => AppText.SlaHoursRange(MaxHours))
            .Must((c, hours) => hours >= c.FirstResponseHours).WithMessage(_ => AppText.SlaResolutionBeforeResponse);
    }

    private static bool InRange(decimal hours) => hours * 60 >= 1 && hours <= MaxHours;
}

public sealed class UpdateSlaPolicyHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateSlaPolicyCommand, Result>
{
    public async ValueTask<Result> Handle(UpdateSlaPolicyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var firstResponse = (int)Math.Round(command.FirstResponseHours * 60);
        var resolution = (int)Math.Round(command.ResolutionHours * 60);
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Priority == command.Priority, cancellationToken);
        var before = policy?.Target ?? SlaRules.DefaultTargets[command.Priority];
        if (policy is null)
        {
            db.SlaPolicies.Add(SlaPolicy.Create(command.Priority, firstResponse, resolution, actor, now));
        }
        else
        {
            policy.Change(firstResponse, resolution, actor, now);
        }

        db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, string.Create(CultureInfo.InvariantCulture,
            $"policy {command.Priority}: first response {before.FirstResponse.TotalMinutes} → {firstResponse} min, resolution {before.Resolution.TotalMinutes} → {resolution} min")));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

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

public sealed class UpdateWorkingHoursHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
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
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return Result.Success();
    }

    private static string DayList(IEnumerable<DayOfWeek> days) =>
        string.Join(",", days.OrderBy(day => ((int)day + 6) % 7).Select(day => day.ToString()[..3]));
}

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

public sealed class SaveHolidayHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
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
            db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, $"holiday added: {Describe(date, holiday.Name)}"));
        }
        else
        {
            var found = await db.Holidays.SingleOrDefaultAsync(h => h.Id == command.Id, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("holiday-not-found", AppText.HolidayNotFound);
            }

            var before = Describe(found.Date, found.Name);
            found.Change(date, command.Name, actor.Name, now);
            holiday = found;
            db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, $"holiday changed: {before} → {Describe(date, holiday.Name)}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return holiday.Id;
    }

    internal static string Describe(DateOnly date, string name) => $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {name}";
}

[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record DeleteHolidayCommand : ICommand<Result>
{
    public Guid Id { get; set; }
}

public sealed class DeleteHolidayHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
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
        db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, $"holiday deleted: {SaveHolidayHandler.Describe(holiday.Date, holiday.Name)}"));
        await db.SaveChangesAsync(cancellationToken);
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return Result.Success();
    }
}

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

public sealed class ImportHolidaysHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
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
        await SlaRecalendar.ApplyAsync(db, previous, now, cancellationToken);
        return added;
    }
}

/// <summary>Reads pasted holiday lines; blank lines and lines starting with '#' are skipped.</summary>
public static class HolidayLines
{
    public static (IReadOnlyList<(DateOnly Date, string Name)> Lines, IReadOnlyList<string> Problems) Parse(string? text, int year)
    {
        var lines = new List<(DateOnly, string)>();
        var problems = new List<string>();
        var seen = new HashSet<DateOnly>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.IndexOfAny([' ', '\t', ';', ',']);
            var datePart = cut < 0 ? line : line[..cut];
            var name = cut < 0 ? "" : line[(cut + 1)..].Trim().TrimStart(';', ',', '\t').Trim();
            if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(AppText.HolidayImportLine(number, AppText.ImportDateFormat(datePart)));
            }
            else if (year != 0 && date.Year != year)
            {
                problems.Add(AppText.HolidayImportLine(number, AppText.HolidayImportWrongYear(year)));
            }
            else if (name.Length == 0 || name.Length > FieldLimits.HolidayNameMaxLength)
            {
                problems.Add(AppText.HolidayImportLine(number, name.Length == 0 ? AppText.Required : AppText.MaxLength(FieldLimits.HolidayNameMaxLength)));
            }
            else if (!seen.Add(date))
            {
                problems.Add(AppText.HolidayImportLine(number, AppText.HolidayDateTaken(datePart)));
            }
            else
            {
                lines.Add((date, name));
            }
        }

        return (lines, problems);
    }
}

/// <summary>After a calendar edit: open tickets' running clocks keep their remaining business time, laid out in the new calendar.</summary>
internal static class SlaRecalendar
{
    private const int Batch = 500;

    public static async Task ApplyAsync(IAppDbContext db, BusinessCalendar previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await SlaSettingsStore.CalendarAsync(db, cancellationToken);
        var open = TicketWorkflow.Open.ToArray();
        for (var page = 0; ; page++)
        {
            var tickets = await db.Tickets
                .Where(t => open.Contains(t.Status)
                    && ((t.SlaFirstRespondedAt == null && t.SlaFirstResponseDueAt > now) || t.SlaResolutionDueAt > now))
                .OrderBy(t => t.Id).Skip(page * Batch).Take(Batch).ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                return;
            }

            foreach (var ticket in tickets)
            {
                ticket.RecalendarSla(previous, current, now);
            }

            // SLA instants are the system's, not a person's edit: they do not raise the ticket's version. The
            // set of tickets does not shrink (their due instants stay in the future), so paging by offset is stable.
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
