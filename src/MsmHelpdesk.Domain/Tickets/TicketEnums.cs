namespace MsmHelpdesk.Domain.Tickets;

public enum TicketStatus
{
    New,
    Triaged,
    InProgress,
    WaitingOnClient,
    WaitingOnKpp,
    Resolved,
    Closed,
}

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>How the client reached the consultancy.</summary>
public enum TicketChannel
{
    Phone,
    WhatsApp,
    Email,
    WalkIn,
    Api,

    /// <summary>Opened by the helpdesk itself before the client calls, e.g. a certificate about to expire.</summary>
    Proactive,
}

public enum TimelineKind
{
    Created,
    Note,
    StatusChanged,
    AssigneeChanged,
    FieldChanged,
    AttachmentAdded,
    DiagnosisConfirmed,

    /// <summary>What the client said (by phone, WhatsApp, e-mail or an integration), logged by a consultant or the API.</summary>
    ClientMessage,

    /// <summary>A reminder the system added: a certificate threshold crossed, a client who has not answered.</summary>
    Reminder,
    StepAdded,
    StepsFromPlaybook,
    StepRemoved,
    StepStatusChanged,
    StepEdited,
    StepMoved,
    ResolveOverridden,
    VisitScheduled,
    VisitUpdated,
    VisitOutcome,
}
