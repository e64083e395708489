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

    /// <summary>Linked to an incident (an outage for every client); Text is the incident's title.</summary>
    IncidentLinked,

    /// <summary>An incident update sent to the client, the same words to every linked ticket.</summary>
    IncidentUpdate,

    /// <summary>This duplicate was merged into the ticket in NewValue and closed.</summary>
    MergedInto,

    /// <summary>The duplicate in NewValue was merged into this ticket; its history is shown here with its origin.</summary>
    MergedFrom,
    /// <summary>A fact (the visit's outcome, the client's certificate dates) finished a step; NewValue names the fact.</summary>
    StepDoneByFact,

    /// <summary>A reply sent to the client (Field: "Email" or "WhatsApp"), written from the ticket's composer.</summary>
    ReplySent,
}
