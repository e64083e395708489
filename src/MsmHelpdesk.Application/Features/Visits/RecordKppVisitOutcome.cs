using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>
/// How the visit ended: the certificate was issued (its issue date updates the client's certificate dates, and
/// the steps waiting for the visit and for the client's dates are done by that fact),
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
        var visit = await VisitStore.FindAsync(db, command.VisitId, cancellationToken);
        if (visit is null)
        {
            return VisitStore.NotFound();
        }

        var ticket = (await TicketStore.FindWithStepsAsync(db, visit.TicketId, cancellationToken))!;
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        DomainError? refused;
        switch (command.Outcome)
        {
            case KppVisitOutcome.CertificateIssued:
                var client = await db.Clients.SingleAsync(c => c.Id == visit.ClientId, cancellationToken);
                refused = visit.RecordIssued(ticket, client, command.CertificateIssuedOn!.Value, actor, now);
                if (refused is null)
                {
                    // The facts finish their steps here, not a tick: the visit was held, the client's dates follow.
                    ticket.CompleteStepsByFact(StepFact.CertificateIssued, actor, now);
                    await ClientStepFacts.CertificateUpdatedAsync(db, client, actor, now, cancellationToken);
                }

                break;
            case KppVisitOutcome.Rescheduled:
                var newAt = VisitTime.FromWib(command.NewDate!.Value, command.NewTime!.Value);
                if (await VisitTime.CheckAsync(db, command.NewDate!.Value, newAt, now, nameof(command.NewDate), cancellationToken) is { } badTime)
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

        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
