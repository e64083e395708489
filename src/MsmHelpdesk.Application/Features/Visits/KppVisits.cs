using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>Plans a visit to the client's KPP for the ticket; date and time are entered in WIB and stored in UTC.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ScheduleKppVisitCommand : ICommand<Result<Guid>>
{
    public Guid TicketId { get; set; }

    /// <summary>Empty means the client's registered KPP.</summary>
    public string? Kpp { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>WIB.</summary>
    public TimeOnly? Time { get; set; }

    /// <summary>A pengurus of the client, by name.</summary>
    public string OfficerName { get; set; } = "";

    public string? AssigneeId { get; set; }

    public KppDocuments Documents { get; set; }

    public string? Notes { get; set; }
}

public sealed class ScheduleKppVisitValidator : AbstractValidator<ScheduleKppVisitCommand>
{
    public ScheduleKppVisitValidator()
    {
        RuleFor(c => c.Date).NotNull().WithMessage(_ => AppText.Required).PlausibleDate();
        RuleFor(c => c.Time).NotNull().WithMessage(_ => AppText.Required);
        RuleFor(c => c.OfficerName).RequiredText(FieldLimits.PersonNameMaxLength);
        RuleFor(c => c.Kpp).OptionalText(FieldLimits.KppMaxLength);
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
    }
}

public sealed class ScheduleKppVisitHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ScheduleKppVisitCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ScheduleKppVisitCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await StepSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        if (await StepSaves.CheckAssigneeAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var at = VisitTime.FromWib(command.Date!.Value, command.Time!.Value);
        if (await VisitSaves.WhenRefusalAsync(db, command.Date!.Value, at, now, nameof(command.Date), cancellationToken) is { } badTime)
        {
            return badTime;
        }

        var client = await db.Clients.SingleAsync(c => c.Id == ticket.ClientId, cancellationToken);
        var (visit, refused) = KppVisit.Schedule(ticket, client, command.Kpp, at, command.OfficerName, StepSaves.Blank(command.AssigneeId ?? ticket.AssigneeId),
            command.Documents, command.Notes, await currentUser.GetActorAsync(cancellationToken), now);
        if (refused is not null)
        {
            return VisitSaves.Refusal(refused, client.Officers.Count);
        }

        db.KppVisits.Add(visit!);
        var saved = await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
        return saved.IsSuccess ? visit!.Id : saved.Error;
    }
}

/// <summary>The officer, consultant, document checklist and notes of a planned visit.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record PrepareKppVisitCommand : ICommand<Result>
{
    public Guid VisitId { get; set; }
    public string OfficerName { get; set; } = "";
    public string? AssigneeId { get; set; }
    public KppDocuments Documents { get; set; }
    public string? Notes { get; set; }
}

public sealed class PrepareKppVisitValidator : AbstractValidator<PrepareKppVisitCommand>
{
    public PrepareKppVisitValidator()
    {
        RuleFor(c => c.OfficerName).RequiredText(FieldLimits.PersonNameMaxLength);
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
    }
}

public sealed class PrepareKppVisitHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PrepareKppVisitCommand, Result>
{
    public async ValueTask<Result> Handle(PrepareKppVisitCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var visit = await db.KppVisits.SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return VisitSaves.NotFound();
        }

        if (await StepSaves.CheckAssigneeAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == visit.TicketId, cancellationToken);
        var client = await db.Clients.SingleAsync(c => c.Id == visit.ClientId, cancellationToken);
        var refused = visit.Prepare(ticket, client, command.OfficerName, StepSaves.Blank(command.AssigneeId), command.Documents, command.Notes,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? VisitSaves.Refusal(refused, client.Officers.Count) : await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>
/// How the visit ended: the certificate was issued (its issue date updates the client's certificate dates),
/// the KPP refused or the visit was cancelled (with a reason), or it moves to a new date and time.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record RecordKppVisitOutcomeCommand : ICommand<Result>
{
    public Guid VisitId { get; set; }
    public KppVisitOutcome Outcome { get; set; }
    public string? Reason { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    public DateOnly? NewDate { get; set; }
    public TimeOnly? NewTime { get; set; }
}

public sealed class RecordKppVisitOutcomeValidator : AbstractValidator<RecordKppVisitOutcomeCommand>
{
    public RecordKppVisitOutcomeValidator()
    {
        RuleFor(c => c.Outcome).IsInEnum().NotEqual(KppVisitOutcome.Scheduled).WithMessage(_ => WorkText.VisitOutcomeInvalid);
        RuleFor(c => c.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason))
            .When(c => c.Outcome is KppVisitOutcome.Refused or KppVisitOutcome.Cancelled).WithMessage(_ => WorkText.VisitReasonRequired);
        RuleFor(c => c.Reason).OptionalText(WorkLimits.ReasonMaxLength);
        RuleFor(c => c.CertificateIssuedOn).NotNull().When(c => c.Outcome == KppVisitOutcome.CertificateIssued)
            .WithMessage(_ => WorkText.VisitIssuedOnRequired).PlausibleDate();
        RuleFor(c => c.NewDate).NotNull().When(c => c.Outcome == KppVisitOutcome.Rescheduled).WithMessage(_ => AppText.Required).PlausibleDate();
        RuleFor(c => c.NewTime).NotNull().When(c => c.Outcome == KppVisitOutcome.Rescheduled).WithMessage(_ => AppText.Required);
    }
}

public sealed class RecordKppVisitOutcomeHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordKppVisitOutcomeCommand, Result>
{
    public async ValueTask<Result> Handle(RecordKppVisitOutcomeCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var visit = await db.KppVisits.SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken);
        if (visit is null)
        {
            return VisitSaves.NotFound();
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == visit.TicketId, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        DomainError? refused;
        switch (command.Outcome)
        {
            case KppVisitOutcome.CertificateIssued:
                var client = await db.Clients.SingleAsync(c => c.Id == visit.ClientId, cancellationToken);
                refused = visit.RecordIssued(ticket, client, command.CertificateIssuedOn!.Value, actor, now);
                break;
            case KppVisitOutcome.Rescheduled:
                var newAt = VisitTime.FromWib(command.NewDate!.Value, command.NewTime!.Value);
                if (await VisitSaves.WhenRefusalAsync(db, command.NewDate!.Value, newAt, now, nameof(command.NewDate), cancellationToken) is { } badTime)
                {
                    return badTime;
                }

                (var next, refused) = visit.Reschedule(ticket, newAt, command.Reason, actor, now);
                if (next is not null)
                {
                    db.KppVisits.Add(next);
                }

                break;
            default:
                refused = visit.RecordEnded(ticket, command.Outcome, command.Reason, actor, now);
                break;
        }

        return refused is not null ? VisitSaves.Refusal(refused, 1) : await VisitSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

public static class VisitTime
{
    /// <summary>A date and time typed in WIB as the instant it names.</summary>
    public static DateTimeOffset FromWib(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Wib.Offset).ToUniversalTime();
}

internal static class VisitSaves
{
    public static Error NotFound() => Error.NotFound("visit-not-found", WorkText.VisitNotFound);

    /// <summary>A visit must lie ahead, on a working day: KPPs are closed at weekends and on the holidays of the calendar.</summary>
    public static async Task<Error?> WhenRefusalAsync(IAppDbContext db, DateOnly day, DateTimeOffset at, DateTimeOffset now, string field, CancellationToken cancellationToken)
    {
        if (at < now)
        {
            return Error.Validation(field, WorkText.VisitInPast);
        }

        var calendar = await Sla.SlaSettingsStore.CalendarAsync(db, cancellationToken);
        return calendar.IsWorkingDay(day)
            ? null
            : Error.Validation(field, WorkText.VisitOnClosedDay(day.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.CurrentUICulture)));
    }

    public static Error Refusal(DomainError refused, int officerCount) => refused.Code switch
    {
        "visit-officer-not-pengurus" => Error.Validation(nameof(ScheduleKppVisitCommand.OfficerName),
            officerCount == 0 ? WorkText.VisitClientHasNoOfficers : WorkText.VisitOfficerNotPengurus(refused.Arguments[0])),
        "visit-ticket-not-open" => Error.Validation(nameof(ScheduleKppVisitCommand.Date), WorkText.VisitTicketNotOpen),
        "visit-kpp-required" => Error.Validation(nameof(ScheduleKppVisitCommand.Kpp), WorkText.VisitKppRequired),
        "visit-issued-in-future" => Error.Validation(nameof(RecordKppVisitOutcomeCommand.CertificateIssuedOn), WorkText.VisitIssuedInFuture),
        "visit-reason-required" => Error.Validation(nameof(RecordKppVisitOutcomeCommand.Reason), WorkText.VisitReasonRequired),
        "visit-same-time" => Error.Validation(nameof(RecordKppVisitOutcomeCommand.NewDate), WorkText.VisitSameTime),
        "visit-outcome-invalid" => Error.Validation(nameof(RecordKppVisitOutcomeCommand.Outcome), WorkText.VisitOutcomeInvalid),
        _ => Error.Validation(nameof(RecordKppVisitOutcomeCommand.Outcome), WorkText.VisitNotScheduled),
    };

    /// <summary>Saves visit, ticket (timeline) and client together; a concurrent change to any of them refuses the action.</summary>
    public static Task<Result> SaveAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        TicketSaves.SaveAsync(db, ticketId, cancellationToken);
}
