using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Sla;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>One client call about a failing e-Faktur, from first report to closure. Every change lands in the timeline.</summary>
public sealed partial class Ticket
{
    private readonly List<TimelineEntry> _timeline = [];

    private Ticket()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid ClientId { get; private set; }

    public Guid? ContactId { get; private set; }

    public TicketChannel Channel { get; private set; }

    /// <summary>The error exactly as reported, prefix included ("ETAX-40002: Error di Service").</summary>
    public string ErrorText { get; private set; } = "";

    /// <summary>The code found in the error text, for filtering; null when the text names none.</summary>
    public string? ErrorCode { get; private set; }

    /// <summary>What the client was doing (registering, uploading, creating or cancelling an invoice...).</summary>
    public string? Activity { get; private set; }

    /// <summary>System and version, e.g. "e-Faktur Desktop 4.0".</summary>
    public string? SystemVersion { get; private set; }

    public string? Description { get; private set; }

    public TicketPriority Priority { get; private set; }

    public TicketStatus Status { get; private set; }

    public string? AssigneeId { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? ResolutionSummary { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>What the classifier last suggested, with the catalogue/classifier version that produced it.</summary>
    public TicketDiagnosis? Suggested { get; private set; }

    /// <summary>What a consultant confirmed or corrected; the truth later suggestions learn from.</summary>
    public TicketDiagnosis? Confirmed { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? ConfirmedById { get; private set; }

    /// <summary>
    /// Whole seconds from <see cref="CreatedAt"/> to <see cref="ResolvedAt"/>, kept with it (null while unresolved).
    /// Stored rather than computed so reports can sort and take percentiles in SQL on SQLite (instants are
    /// ticks there) and SQL Server alike, over an index.
    /// </summary>
    public long? ResolutionSeconds { get; private set; }

    /// <summary>Whole seconds from <see cref="CreatedAt"/> to <see cref="ConfirmedAt"/> (time to diagnosis), kept with it.</summary>
    public long? DiagnosisSeconds { get; private set; }

    /// <summary>The scenario reports count: the confirmed one, else the latest suggestion (null when neither exists).</summary>
    public string? DiagnosedScenario { get; private set; }

    /// <summary>The cause reports count: the confirmed one, else the latest suggestion (null when neither exists).</summary>
    public string? DiagnosedCause { get; private set; }

    /// <summary>Raised on every change: a save based on an older version is refused, never silently applied.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public static Ticket Open(string number, Guid clientId, TicketFields fields, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            ClientId = clientId,
            Status = TicketStatus.New,
            CreatedAt = now,
            CreatedById = actor.Id,
            UpdatedAt = now,
        };
        ticket.Apply(fields);
        ticket.StartSla(sla, now);

        ticket._timeline.Add(TimelineEntry.Create(ticket.Id, TimelineKind.Created, actor, now, text: fields.ErrorText));
        return ticket;
    }

    /// <summary>Applies edited fields; each change is recorded with its old and new value.</summary>
    public void Edit(TicketFields fields, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        var before = Snapshot();
        Apply(fields);
        var after = Snapshot();
        var changes = before.Where(field => field.Value != after[field.Key]).ToArray();
        foreach (var (field, oldValue) in changes)
        {
            _timeline.Add(TimelineEntry.Create(Id, TimelineKind.FieldChanged, actor, now, field: field, oldValue: oldValue, newValue: after[field]));
        }

        if (before[nameof(Priority)] != after[nameof(Priority)])
        {
            OnPriorityChangedForSla(sla, now);
        }

        if (changes.Length > 0)
        {
            Touch(now);
        }
    }

    public DomainError? MoveTo(TicketStatus to, string? resolutionSummary, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        if (!TicketWorkflow.CanMove(Status, to))
        {
            return DomainError.TicketIllegalMove(Status, to);
        }

        if (to == TicketStatus.Resolved && string.IsNullOrWhiteSpace(resolutionSummary))
        {
            return DomainError.TicketResolutionRequired;
        }

        var from = Status;
        Status = to;
        if (to == TicketStatus.Resolved)
        {
            ResolutionSummary = resolutionSummary!.Trim();
            ResolvedAt = now;
            ResolutionSeconds = SecondsSinceCreated(now);
        }
        else if (to == TicketStatus.Closed)
        {
            ClosedAt = now;
        }
        else if (TicketWorkflow.IsReopen(from, to))
        {
            ResolvedAt = null;
            ResolutionSeconds = null;
            ClosedAt = null;
            ClosedForNoReplyAt = null;
        }

        OnStatusChangedForSla(from, to, sla, now);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StatusChanged, actor, now,
            text: to == TicketStatus.Resolved ? ResolutionSummary : null, oldValue: from.ToString(), newValue: to.ToString()));
        Touch(now);
        return null;
    }

    public void AssignTo(string? assigneeId, Actor actor, DateTimeOffset now)
    {
        if (assigneeId == AssigneeId)
        {
            return;
        }

        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.AssigneeChanged, actor, now, oldValue: AssigneeId, newValue: assigneeId));
        AssigneeId = assigneeId;
        Touch(now);
    }

    public void AddNote(string text, Actor actor, DateTimeOffset now)
    {
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.Note, actor, now, text: text.Trim()));
        Touch(now);
    }

    /// <summary>A reply the consultant sent the client by e-mail or WhatsApp (sent outside the helpdesk, kept here).</summary>
    public void RecordReply(string text, ReplyChannel channel, Actor actor, DateTimeOffset now)
    {
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.ReplySent, actor, now, text: text.Trim(), field: channel.ToString()));
        Touch(now);
    }

    /// <summary>Stores the latest suggestion. It is the machine's opinion, so it leaves no timeline entry.</summary>
    public void RecordSuggestion(TicketDiagnosis suggestion)
    {
        Suggested = suggestion;
        if (Confirmed is null)
        {
            (DiagnosedScenario, DiagnosedCause) = (suggestion.Scenario, suggestion.Cause);
        }
    }

    /// <summary>A consultant confirms the suggestion or corrects it; either way the choice is kept and audited.</summary>
    public void ConfirmDiagnosis(string scenario, string cause, Actor actor, DateTimeOffset now)
    {
        var before = Confirmed ?? Suggested;
        Confirmed = new TicketDiagnosis(scenario, 1, cause, 1, "consultant", null, now);
        ConfirmedAt = now;
        DiagnosisSeconds = SecondsSinceCreated(now);
        (DiagnosedScenario, DiagnosedCause) = (scenario, cause);
        ConfirmedById = actor.Id;
        var agreed = Suggested is { } s && s.Scenario == scenario && s.Cause == cause;
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.DiagnosisConfirmed, actor, now,
            text: agreed ? "confirmed" : "corrected",
            oldValue: before is null ? null : $"{before.Scenario}/{before.Cause}",
            newValue: $"{scenario}/{cause}"));
        Touch(now);
    }

    public void RecordAttachment(string fileName, Actor actor, DateTimeOffset now)
    {
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.AttachmentAdded, actor, now, text: fileName));
        Touch(now);
    }

    /// <summary>The editable fields as text, for change records and conflict notices.</summary>
    public Dictionary<string, string?> Snapshot() => new(StringComparer.Ordinal)
    {
        [nameof(ContactId)] = ContactId?.ToString(),
        [nameof(Channel)] = Channel.ToString(),
        [nameof(ErrorText)] = ErrorText,
        [nameof(Activity)] = Activity,
        [nameof(SystemVersion)] = SystemVersion,
        [nameof(Description)] = Description,
        [nameof(Priority)] = Priority.ToString(),
        [nameof(ReportedAt)] = ReportedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    private void Apply(TicketFields fields)
    {
        ContactId = fields.ContactId;
        Channel = fields.Channel;
        ErrorText = fields.ErrorText.Trim();
        ErrorCode = ErrorCodes.Extract(ErrorText);
        Activity = Blank(fields.Activity);
        SystemVersion = Blank(fields.SystemVersion);
        Description = Blank(fields.Description);
        Priority = fields.Priority;
        ReportedAt = fields.ReportedAt;
    }

    private long SecondsSinceCreated(DateTimeOffset now) => Math.Max(0, (long)(now - CreatedAt).TotalSeconds);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // --- Client conversation, reminders and auto-close (issue 5, notify) ---

    /// <summary>Field name on the timeline entries of a waiting-on-client reminder and of the auto-close.</summary>
    public const string WaitingOnClientMarker = "waiting-on-client";

    /// <summary>Set when the system closed the ticket because the client never answered; cleared when it is reopened.</summary>
    public DateTimeOffset? ClosedForNoReplyAt { get; private set; }

    /// <summary>
    /// Logs what the client said. A client who answers a ticket waiting on them puts it back to work, and an
    /// answer to a ticket the system closed for lack of reply reopens it; otherwise the status stays.
    /// </summary>
    public void RecordClientMessage(string text, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.ClientMessage, actor, now, text: text.Trim()));
        if (Status == TicketStatus.WaitingOnClient || (Status == TicketStatus.Closed && ClosedForNoReplyAt is not null))
        {
            var from = Status;
            Status = TicketStatus.InProgress;
            ResolvedAt = null;
            ClosedAt = null;
            ClosedForNoReplyAt = null;
            OnStatusChangedForSla(from, Status, sla, now);
            _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StatusChanged, actor, now,
                field: "client-replied", oldValue: from.ToString(), newValue: Status.ToString()));
        }

        Touch(now);
    }

    /// <summary>A reminder the system adds to the timeline; <paramref name="marker"/> tells later runs what it was for.</summary>
    public void AddReminder(string text, string marker, Actor actor, DateTimeOffset now)
    {
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.Reminder, actor, now, text: text.Trim(), field: marker));
        Touch(now);
    }

    /// <summary>
    /// Closes a ticket that waited on the client too long. Skips Resolved on purpose: nothing was resolved,
    /// and the reason stays on the timeline; a later client message reopens it.
    /// </summary>
    public DomainError? CloseForNoReply(string reason, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        if (Status != TicketStatus.WaitingOnClient)
        {
            return DomainError.TicketNotWaitingOnClient(Status);
        }

        Status = TicketStatus.Closed;
        ClosedAt = now;
        ClosedForNoReplyAt = now;
        OnStatusChangedForSla(TicketStatus.WaitingOnClient, Status, sla, now);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StatusChanged, actor, now, text: reason.Trim(), field: WaitingOnClientMarker,
            oldValue: nameof(TicketStatus.WaitingOnClient), newValue: nameof(TicketStatus.Closed)));
        Touch(now);
        return null;
    }
}

public sealed record TicketFields(
    Guid? ContactId,
    TicketChannel Channel,
    string ErrorText,
    string? Activity,
    string? SystemVersion,
    string? Description,
    TicketPriority Priority,
    DateTimeOffset ReportedAt);

/// <summary>Who did something, named as they were at the time (the audit trail keeps the name).</summary>
public sealed record Actor(string Id, string Name);
