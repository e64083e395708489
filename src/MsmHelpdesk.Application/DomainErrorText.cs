using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application;

/// <summary>
/// The one place where a rule the domain refused becomes a message in the user's language (AppText.resx), on
/// the form field it is about. Every <see cref="DomainErrorCode"/> has its words here.
/// </summary>
public static class DomainErrorText
{
    public static Error ToError(this DomainError refused) => refused.Code switch
    {
        DomainErrorCode.TicketIllegalMove => Error.Validation(nameof(ChangeTicketStatusCommand.To),
            AppText.TicketIllegalMove(TicketStatusText.Of((TicketStatus)refused.Arguments[0]), TicketStatusText.Of((TicketStatus)refused.Arguments[1]))),
        DomainErrorCode.TicketResolutionRequired => Error.Validation(nameof(ChangeTicketStatusCommand.ResolutionSummary), AppText.TicketResolutionRequired),

        // Only the waiting-on-client job closes for no reply, and it checks the status first; in words it is the move it could not make.
        DomainErrorCode.TicketNotWaitingOnClient => Error.Validation(nameof(ChangeTicketStatusCommand.To),
            AppText.TicketIllegalMove(TicketStatusText.Of((TicketStatus)refused.Arguments[0]), TicketStatusText.Of(TicketStatus.Closed))),
        DomainErrorCode.StepNotFound => Error.NotFound("step-not-found", WorkText.StepNotFound),
        DomainErrorCode.StepTicketNotOpen => Error.Validation(nameof(SetTicketStepStatusCommand.StepId), WorkText.StepTicketNotOpen),
        DomainErrorCode.StepSkipReasonRequired => Error.Validation(nameof(SetTicketStepStatusCommand.Reason), WorkText.StepSkipReasonRequired),
        DomainErrorCode.StepDoneByFact => Error.Validation(nameof(SetTicketStepStatusCommand.Status), WorkText.StepDoneByFact((StepFact)refused.Arguments[0])),
        DomainErrorCode.VisitTicketNotOpen => Error.Validation(nameof(ScheduleKppVisitCommand.Date), WorkText.VisitTicketNotOpen),
        DomainErrorCode.VisitOfficerNotPengurus => Error.Validation(nameof(ScheduleKppVisitCommand.OfficerName), WorkText.VisitOfficerNotPengurus(refused.Arguments[0])),
        DomainErrorCode.VisitClientHasNoOfficers => Error.Validation(nameof(ScheduleKppVisitCommand.OfficerName), WorkText.VisitClientHasNoOfficers),
        DomainErrorCode.VisitKppRequired => Error.Validation(nameof(ScheduleKppVisitCommand.Kpp), WorkText.VisitKppRequired),

        // The visit's ticket belongs to another client only if the data is broken; the user can do nothing but reload.
        DomainErrorCode.VisitNotScheduled or DomainErrorCode.VisitClientMismatch =>
            Error.Validation(nameof(RecordKppVisitOutcomeCommand.Outcome), WorkText.VisitNotScheduled),
        DomainErrorCode.VisitIssuedInFuture => Error.Validation(nameof(RecordKppVisitOutcomeCommand.CertificateIssuedOn), WorkText.VisitIssuedInFuture),
        DomainErrorCode.VisitOutcomeInvalid => Error.Validation(nameof(RecordKppVisitOutcomeCommand.Outcome), WorkText.VisitOutcomeInvalid),
        DomainErrorCode.VisitReasonRequired => Error.Validation(nameof(RecordKppVisitOutcomeCommand.Reason), WorkText.VisitReasonRequired),
        DomainErrorCode.VisitSameTime => Error.Validation(nameof(RecordKppVisitOutcomeCommand.NewDate), WorkText.VisitSameTime),
        DomainErrorCode.TicketNotOpen => Error.Validation("TicketIds", DeskText.TicketNotOpen(refused.Arguments[0])),
        DomainErrorCode.IncidentNotOpen => Error.Validation("IncidentId", DeskText.IncidentNotOpen),
        DomainErrorCode.TicketMergeSelf => Error.Validation(nameof(MergeTicketCommand.OriginalNumber), DeskText.MergeSelf),
        DomainErrorCode.TicketAlreadyMerged => Error.Validation(nameof(MergeTicketCommand.OriginalNumber), DeskText.MergeAlreadyMerged(refused.Arguments[0])),
        DomainErrorCode.TicketMergeOtherClient => Error.Validation(nameof(MergeTicketCommand.OriginalNumber), DeskText.MergeOtherClient),
        _ => throw new ArgumentOutOfRangeException(nameof(refused), refused.Code, "A domain error without words."),
    };
}
