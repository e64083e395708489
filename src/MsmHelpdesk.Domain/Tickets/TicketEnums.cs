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

/// <summary>How a reply written on the ticket reaches the client.</summary>
public enum ReplyChannel
{
    Email,
    WhatsApp,
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

    /// <summary>A fact (the visit's outcome, the client's certificate dates) finished a step; NewValue names the fact.</summary>
    StepDoneByFact,

    /// <summary>A reply sent to the client (Field: "Email" or "WhatsApp"), written from the ticket's composer.</summary>
    ReplySent,
}
