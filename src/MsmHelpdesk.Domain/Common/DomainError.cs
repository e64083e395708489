using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Domain.Common;

/// <summary>The rules of the domain a request can break. Each has its words in the application's resources.</summary>
public enum DomainErrorCode
{
    TicketIllegalMove,
    TicketResolutionRequired,
    TicketNotWaitingOnClient,
    StepNotFound,
    StepTicketNotOpen,
    StepSkipReasonRequired,
    StepDoneByFact,
    VisitClientMismatch,
    VisitTicketNotOpen,
    VisitOfficerNotPengurus,
    VisitClientHasNoOfficers,
    VisitKppRequired,
    VisitNotScheduled,
    VisitIssuedInFuture,
    VisitOutcomeInvalid,
    VisitReasonRequired,
    VisitSameTime,
    TicketNotOpen,
    IncidentNotOpen,
    TicketMergeSelf,
    TicketAlreadyMerged,
    TicketMergeOtherClient,
}

/// <summary>
/// A rule of the domain that a request broke, with what its message needs. The domain names the rule; the
/// application layer puts it into the user's language (DomainErrorText).
/// </summary>
public sealed record DomainError(DomainErrorCode Code, params object[] Arguments)
{
    public static DomainError TicketIllegalMove(TicketStatus from, TicketStatus to) => new(DomainErrorCode.TicketIllegalMove, from, to);

    public static DomainError TicketResolutionRequired { get; } = new(DomainErrorCode.TicketResolutionRequired);

    public static DomainError TicketNotWaitingOnClient(TicketStatus status) => new(DomainErrorCode.TicketNotWaitingOnClient, status);

    public static DomainError StepNotFound { get; } = new(DomainErrorCode.StepNotFound);

    public static DomainError StepTicketNotOpen { get; } = new(DomainErrorCode.StepTicketNotOpen);

    public static DomainError StepSkipReasonRequired { get; } = new(DomainErrorCode.StepSkipReasonRequired);

    public static DomainError StepDoneByFact(StepFact fact) => new(DomainErrorCode.StepDoneByFact, fact);

    public static DomainError VisitClientMismatch { get; } = new(DomainErrorCode.VisitClientMismatch);

    public static DomainError VisitTicketNotOpen { get; } = new(DomainErrorCode.VisitTicketNotOpen);

    public static DomainError VisitOfficerNotPengurus(string officerName) => new(DomainErrorCode.VisitOfficerNotPengurus, officerName);

    public static DomainError VisitClientHasNoOfficers { get; } = new(DomainErrorCode.VisitClientHasNoOfficers);

    public static DomainError VisitKppRequired { get; } = new(DomainErrorCode.VisitKppRequired);

    public static DomainError VisitNotScheduled { get; } = new(DomainErrorCode.VisitNotScheduled);

    public static DomainError VisitIssuedInFuture { get; } = new(DomainErrorCode.VisitIssuedInFuture);

    public static DomainError VisitOutcomeInvalid { get; } = new(DomainErrorCode.VisitOutcomeInvalid);

    public static DomainError VisitReasonRequired { get; } = new(DomainErrorCode.VisitReasonRequired);

    public static DomainError VisitSameTime { get; } = new(DomainErrorCode.VisitSameTime);

    public static DomainError TicketNotOpen(string number) => new(DomainErrorCode.TicketNotOpen, number);

    public static DomainError IncidentNotOpen { get; } = new(DomainErrorCode.IncidentNotOpen);

    public static DomainError TicketMergeSelf { get; } = new(DomainErrorCode.TicketMergeSelf);

    public static DomainError TicketAlreadyMerged(string number) => new(DomainErrorCode.TicketAlreadyMerged, number);

    public static DomainError TicketMergeOtherClient { get; } = new(DomainErrorCode.TicketMergeOtherClient);
}
