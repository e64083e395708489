using System.Globalization;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Common;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>What the officer brings to a certificate renewal at the KPP (PER-04/PJ/2020). Ticked, never stored as content.</summary>
[Flags]
public enum KppDocuments
{
    None = 0,
    RequestForm = 1,
    CompanyDeed = 2,
    OfficerKtp = 4,
    OfficerNpwp = 8,
    SelfieWithKtp = 16,

    /// <summary>The client has chosen a new passphrase. Only this tick is kept: the passphrase itself never is.</summary>
    NewPassphraseChosen = 32,
}

public enum KppVisitOutcome
{
    Scheduled,
    CertificateIssued,
    Refused,
    Rescheduled,
    Cancelled,
}

/// <summary>
/// A visit to the client's KPP to renew (or re-issue) the e-Faktur certificate. The officer who attends must be
/// a pengurus named in the deed: renewal cannot be delegated. A rescheduled visit ends as Rescheduled and a new
/// visit takes its place, so the history of dates stays.
/// </summary>
public sealed class KppVisit
{
    public static readonly KppDocuments AllDocuments = Enum.GetValues<KppDocuments>().Aggregate(KppDocuments.None, (all, document) => all | document);

    private KppVisit()
    {
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public Guid ClientId { get; private set; }

    public string Kpp { get; private set; } = "";

    /// <summary>When the visit is planned (UTC; entered and shown in WIB).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The pengurus who attends, by name as in the client's officers when scheduled.</summary>
    public string OfficerName { get; private set; } = "";

    /// <summary>The consultant who prepares and accompanies the visit.</summary>
    public string? AssigneeId { get; private set; }

    public KppDocuments Documents { get; private set; }

    public string? Notes { get; private set; }

    public KppVisitOutcome Outcome { get; private set; }

    /// <summary>Why the KPP refused, or why the visit was cancelled.</summary>
    public string? OutcomeReason { get; private set; }

    public DateOnly? CertificateIssuedOn { get; private set; }

    /// <summary>The visit this one replaces after a reschedule; null for a first booking.</summary>
    public Guid? RescheduledFromId { get; private set; }

    /// <summary>The visit date (WIB) a reminder was last sent for, so a second job run sends nothing.</summary>
    public DateOnly? RemindedFor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public KppDocuments MissingDocuments => AllDocuments & ~Documents;

    public DateOnly DayWib => DateOnly.FromDateTime(Time.Wib.ToWib(At).DateTime);

    public static (KppVisit? Visit, DomainError? Error) Schedule(
        Ticket ticket, Client client, string? kpp, DateTimeOffset at, string officerName, string? assigneeId,
        KppDocuments documents, string? notes, Actor actor, DateTimeOffset now)
    {
        if (ticket.ClientId != client.Id)
        {
            return (null, DomainError.VisitClientMismatch);
        }

        if (!TicketWorkflow.IsOpen(ticket.Status))
        {
            return (null, DomainError.VisitTicketNotOpen);
        }

        if (OfficerOf(client, officerName) is not { } officer)
        {
            return (null, OfficerRefusal(client, officerName));
        }

        var office = string.IsNullOrWhiteSpace(kpp) ? client.Kpp : kpp.Trim();
        if (string.IsNullOrWhiteSpace(office))
        {
            return (null, DomainError.VisitKppRequired);
        }

        var visit = new KppVisit
        {
            Id = Guid.CreateVersion7(now),
            TicketId = ticket.Id,
            ClientId = client.Id,
            Kpp = office,
            At = at.ToUniversalTime(),
            OfficerName = officer.Name,
            AssigneeId = assigneeId,
            Documents = documents & AllDocuments,
            Notes = TicketStep.Blank(notes),
            Outcome = KppVisitOutcome.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ticket.RecordVisit(TimelineKind.VisitScheduled, actor, now, visit.Kpp, null, visit.OfficerName, Instant(visit.At));
        ticket.CompleteStepsByFact(StepFact.VisitScheduled, actor, now);
        return (visit, null);
    }

    /// <summary>Officer, consultant, documents and notes while the visit is still planned.</summary>
    public DomainError? Prepare(Ticket ticket, Client client, string officerName, string? assigneeId, KppDocuments documents, string? notes, Actor actor, DateTimeOffset now)
    {
        if (Outcome != KppVisitOutcome.Scheduled)
        {
            return DomainError.VisitNotScheduled;
        }

        if (OfficerOf(client, officerName) is not { } officer)
        {
            return OfficerRefusal(client, officerName);
        }

        var changed = OfficerName != officer.Name || AssigneeId != assigneeId || Documents != (documents & AllDocuments) || Notes != TicketStep.Blank(notes);
        if (!changed)
        {
            return null;
        }

        OfficerName = officer.Name;
        AssigneeId = assigneeId;
        Documents = documents & AllDocuments;
        Notes = TicketStep.Blank(notes);
        Touch(now);
        ticket.RecordVisit(TimelineKind.VisitUpdated, actor, now, null, null,
            DocumentCount(Documents).ToString(CultureInfo.InvariantCulture), DocumentCount(AllDocuments).ToString(CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>The certificate was issued: the client's certificate dates follow the new issue date.</summary>
    public DomainError? RecordIssued(Ticket ticket, Client client, DateOnly issuedOn, Actor actor, DateTimeOffset now)
    {
        if (Outcome != KppVisitOutcome.Scheduled)
        {
            return DomainError.VisitNotScheduled;
        }

        if (issuedOn > DateOnly.FromDateTime(Time.Wib.ToWib(now).DateTime))
        {
            return DomainError.VisitIssuedInFuture;
        }

        Outcome = KppVisitOutcome.CertificateIssued;
        CertificateIssuedOn = issuedOn;
        Touch(now);
        client.RecordRenewedCertificate(issuedOn, now);
        ticket.RecordVisit(TimelineKind.VisitOutcome, actor, now, null, null, KppVisitOutcome.Scheduled.ToString(), $"{Outcome}|{issuedOn:yyyy-MM-dd}");
        return null;
    }

    /// <summary>The KPP refused (e.g. tax arrears) or the visit was called off; a reason is required either way.</summary>
    public DomainError? RecordEnded(Ticket ticket, KppVisitOutcome outcome, string? reason, Actor actor, DateTimeOffset now)
    {
        if (outcome is not (KppVisitOutcome.Refused or KppVisitOutcome.Cancelled))
        {
            return DomainError.VisitOutcomeInvalid;
        }

        if (Outcome != KppVisitOutcome.Scheduled)
        {
            return DomainError.VisitNotScheduled;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.VisitReasonRequired;
        }

        Outcome = outcome;
        OutcomeReason = reason.Trim();
        Touch(now);
        ticket.RecordVisit(TimelineKind.VisitOutcome, actor, now, OutcomeReason, null, KppVisitOutcome.Scheduled.ToString(), Outcome.ToString());
        return null;
    }

    /// <summary>Moves the visit to a new time: this one ends as Rescheduled, the returned one is planned (same officer and documents).</summary>
    public (KppVisit? Visit, DomainError? Error) Reschedule(Ticket ticket, DateTimeOffset newAt, string? reason, Actor actor, DateTimeOffset now)
    {
        if (Outcome != KppVisitOutcome.Scheduled)
        {
            return (null, DomainError.VisitNotScheduled);
        }

        if (newAt.ToUniversalTime() == At)
        {
            return (null, DomainError.VisitSameTime);
        }

        Outcome = KppVisitOutcome.Rescheduled;
        OutcomeReason = TicketStep.Blank(reason);
        Touch(now);
        var next = new KppVisit
        {
            Id = Guid.CreateVersion7(now),
            TicketId = TicketId,
            ClientId = ClientId,
            Kpp = Kpp,
            At = newAt.ToUniversalTime(),
            OfficerName = OfficerName,
            AssigneeId = AssigneeId,
            Documents = Documents,
            Notes = Notes,
            Outcome = KppVisitOutcome.Scheduled,
            RescheduledFromId = Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ticket.RecordVisit(TimelineKind.VisitOutcome, actor, now, OutcomeReason, null, Instant(At), $"{Outcome}|{Instant(next.At)}");
        return (next, null);
    }

    /// <summary>Remembers that the reminder for the visit's day went out; false when it already had.</summary>
    public bool MarkReminded()
    {
        if (RemindedFor == DayWib)
        {
            return false;
        }

        RemindedFor = DayWib;
        return true;
    }

    public static int DocumentCount(KppDocuments documents) =>
        Enum.GetValues<KppDocuments>().Count(document => document != KppDocuments.None && documents.HasFlag(document));

    private static DomainError OfficerRefusal(Client client, string officerName) =>
        client.Officers.Count == 0 ? DomainError.VisitClientHasNoOfficers : DomainError.VisitOfficerNotPengurus(officerName);

    private static ClientOfficer? OfficerOf(Client client, string? name) =>
        client.Officers.FirstOrDefault(officer => string.Equals(officer.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
