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
