namespace MsmHelpdesk.Domain.Tickets;

public enum TicketStepStatus
{
    Pending,
    InProgress,
    Done,
    Skipped,
}

/// <summary>
/// One thing to do to resolve a ticket: from the confirmed cause's playbook (then <see cref="Cause"/> names it and
/// the step is required) or added by hand. Changed only through <see cref="Ticket"/>, which audits every change.
/// </summary>
public sealed class TicketStep
{
    public const int TitleMaxLength = 500;

    private TicketStep()
    {
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public string Title { get; private set; } = "";

    public TicketStepStatus Status { get; private set; }

    /// <summary>A required step that is still Pending or InProgress keeps the ticket from being resolved.</summary>
    public bool IsRequired { get; private set; }

    /// <summary>Wire spelling of the cause whose playbook put the step here; null for a step added by hand.</summary>
    public string? Cause { get; private set; }

    /// <summary>The fact that finishes this step (a visit scheduled, a certificate issued…); null for a step ticked by hand.</summary>
    public StepFact? CompletedByFact { get; private set; }

    /// <summary>Set when the fact, not a person, finished the step.</summary>
    public bool DoneByFact { get; private set; }

    public string? AssigneeId { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public string? Notes { get; private set; }

    public string? SkipReason { get; private set; }

    public string? DoneById { get; private set; }

    public string? DoneByName { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>Position on the ticket, 1 first.</summary>
    public int Order { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsOpen => Status is TicketStepStatus.Pending or TicketStepStatus.InProgress;

    /// <summary>Nobody has worked on it yet: it can be replaced when the diagnosis is corrected.</summary>
    public bool IsUntouched => Status == TicketStepStatus.Pending && Notes is null;

    internal static TicketStep Create(Guid ticketId, string title, bool required, string? cause, string? assigneeId, DateOnly? dueOn, string? notes, int order, DateTimeOffset now, StepFact? fact = null) => new()
    {
        CompletedByFact = fact,
        Id = Guid.CreateVersion7(now),
        TicketId = ticketId,
        Title = title.Trim(),
        Status = TicketStepStatus.Pending,
        IsRequired = required,
        Cause = cause,
        AssigneeId = assigneeId,
        DueOn = dueOn,
        Notes = Blank(notes),
        Order = order,
        CreatedAt = now,
    };

    internal void SetStatus(TicketStepStatus status, string? reason, Actor actor, DateTimeOffset now)
    {
        Status = status;
        SkipReason = status == TicketStepStatus.Skipped ? reason!.Trim() : null;
        var finished = status is TicketStepStatus.Done or TicketStepStatus.Skipped;
        DoneById = finished ? actor.Id : null;
        DoneByName = finished ? actor.Name : null;
        DoneAt = finished ? now : null;
        DoneByFact = false;
    }

    internal void CompleteByFact(Actor actor, DateTimeOffset now)
    {
        SetStatus(TicketStepStatus.Done, null, actor, now);
        DoneByFact = true;
    }

    internal void Edit(string? assigneeId, DateOnly? dueOn, string? notes)
    {
        AssigneeId = assigneeId;
        DueOn = dueOn;
        Notes = Blank(notes);
    }

    internal void MoveTo(int order) => Order = order;

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
