using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Sla;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>The desk's actions on many tickets at once (issue 15): bulk priority, incidents and merging duplicates.</summary>
public sealed partial class Ticket
{
    /// <summary>Field name on the status entry of a ticket resolved together with its incident.</summary>
    public const string IncidentMarker = "incident";

    /// <summary>The outage this ticket is one report of (DJP down for everyone), or null.</summary>
    public Guid? IncidentId { get; private set; }

    /// <summary>Set when this ticket was a duplicate merged into another: it is closed and its history is read on the original.</summary>
    public Guid? MergedIntoId { get; private set; }

    public bool IsOpen => TicketWorkflow.IsOpen(Status);

    public void ChangePriority(TicketPriority priority, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        if (priority == Priority)
        {
            return;
        }

        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.FieldChanged, actor, now, field: nameof(Priority), oldValue: Priority.ToString(), newValue: priority.ToString()));
        Priority = priority;
        OnPriorityChangedForSla(sla, now);
        Touch(now);
    }

    /// <summary>Links an open ticket to an open incident; a ticket belongs to one incident at a time, the last link wins.</summary>
    public DomainError? LinkToIncident(Incident incident, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return DomainError.TicketNotOpen(Number);
        }

        if (incident.Status != IncidentStatus.Open)
        {
            return DomainError.IncidentNotOpen;
        }

        if (IncidentId == incident.Id)
        {
            return null;
        }

        IncidentId = incident.Id;
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.IncidentLinked, actor, now, text: incident.Title, newValue: incident.Id.ToString()));
        Touch(now);
        return null;
    }

    /// <summary>An update on the outage, sent to this ticket's client: it reads in the conversation like any reply to the client.</summary>
    public void PostIncidentUpdate(Incident incident, string text, Actor actor, DateTimeOffset now)
    {
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.IncidentUpdate, actor, now, text: text.Trim(), field: IncidentMarker, newValue: incident.Title));
        Touch(now);
    }

    /// <summary>
    /// Resolves the ticket with its incident, from any open status: the outage's end is the resolution, so the
    /// triage steps in between are not asked for. The summary is the incident's and lands on this ticket.
    /// </summary>
    public DomainError? ResolveWithIncident(string summary, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        if (!IsOpen)
        {
            return DomainError.TicketIllegalMove(Status, TicketStatus.Resolved);
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            return DomainError.TicketResolutionRequired;
        }

        var from = Status;
        Status = TicketStatus.Resolved;
        ResolutionSummary = summary.Trim();
        ResolvedAt = now;
        ResolutionSeconds = SecondsSinceCreated(now);
        OnStatusChangedForSla(from, Status, sla, now);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StatusChanged, actor, now, text: ResolutionSummary, field: IncidentMarker,
            oldValue: from.ToString(), newValue: Status.ToString()));
        Touch(now);
        return null;
    }

    /// <summary>
    /// Merges this duplicate into <paramref name="original"/>: this one is closed as merged and points to it, and
    /// both timelines say so. Its own entries, notes and attachments stay under its id (the trail is append-only);
    /// the original shows them with their origin. Different clients are refused unless <paramref name="acrossClients"/>
    /// (the application allows that to Managers only, with a reason).
    /// </summary>
    public DomainError? MergeInto(Ticket original, bool acrossClients, string? reason, Actor actor, DateTimeOffset now, SlaRules sla)
    {
        if (original.Id == Id)
        {
            return DomainError.TicketMergeSelf;
        }

        if (MergedIntoId is not null || original.MergedIntoId is not null)
        {
            return DomainError.TicketAlreadyMerged(MergedIntoId is not null ? Number : original.Number);
        }

        if (original.ClientId != ClientId && !acrossClients)
        {
            return DomainError.TicketMergeOtherClient;
        }

        var from = Status;
        MergedIntoId = original.Id;
        if (Status != TicketStatus.Closed)
        {
            Status = TicketStatus.Closed;
            ClosedAt = now;
            OnStatusChangedForSla(from, Status, sla, now);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.MergedInto, actor, now, text: why, oldValue: from.ToString(), newValue: original.Number));
        original._timeline.Add(TimelineEntry.Create(original.Id, TimelineKind.MergedFrom, actor, now, text: why, newValue: Number));
        Touch(now);
        original.Touch(now);
        return null;
    }
}
