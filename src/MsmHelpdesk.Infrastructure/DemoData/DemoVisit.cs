using System.Globalization;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>A KPP visit of a demo ticket (certificate renewal), as <c>KppVisit</c> would have stored it.</summary>
internal sealed record DemoVisit(
    Guid Id,
    string Kpp,
    DateTimeOffset At,
    string OfficerName,
    string? AssigneeId,
    KppDocuments Documents,
    KppVisitOutcome Outcome,
    string? OutcomeReason,
    DateOnly? CertificateIssuedOn,
    Guid? RescheduledFromId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The seeder's visit column names, in <see cref="Row"/>'s order.</summary>
    public static readonly string[] Columns =
    [
        "Id", "TicketId", "ClientId", "Kpp", "At", "OfficerName", "AssigneeId", "Documents", "Notes", "Outcome", "OutcomeReason",
        "CertificateIssuedOn", "RescheduledFromId", "RemindedFor", "CreatedAt", "UpdatedAt", "Version",
    ];

    public object?[] Row(Guid ticketId, Guid clientId) =>
    [
        Id, ticketId, clientId, Kpp, At, OfficerName, AssigneeId, Documents, null, Outcome, OutcomeReason,
        CertificateIssuedOn, RescheduledFromId, null, CreatedAt, UpdatedAt, Outcome == KppVisitOutcome.Scheduled ? 0 : 1,
    ];

    private static readonly string[] RefusalReasons =
    [
        "Pengurus yang datang tidak tercantum di akta terbaru.",
        "Masih ada tunggakan pajak; KPP minta dilunasi dulu.",
        "Surat permohonan belum ditandatangani direktur.",
    ];

    private static readonly string[] RescheduleReasons = ["Direktur sedang dinas luar kota.", "Antrean KPP penuh, diminta datang hari lain.", "Akta perubahan belum selesai dilegalisasi."];

    /// <summary>
    /// Renewal visits for about 70 % of expired-certificate tickets past New: resolved ones end with the certificate
    /// issued (some after a refusal or a reschedule, a few cancelled), waiting and in-progress ones have one planned.
    /// The officer is one of the client's pengurus; the timeline gets the entries the app writes.
    /// </summary>
    public static List<DemoVisit> Draw(DemoRandom random, DemoCause cause, TicketStatus status, DemoClient client, DateTimeOffset createdAt, DateTimeOffset? resolvedAt,
        DateTimeOffset updatedAt, Actor? assignee, List<DemoTimelineEntry> timeline, Actor by)
    {
        var visits = new List<DemoVisit>();
        if (cause != DemoCause.Expired || status == TicketStatus.New || client.Kpp is null || client.Officers.Length == 0 || !random.Chance(0.7))
        {
            return visits;
        }

        var officer = random.Pick(client.Officers);
        if (resolvedAt is { } resolved)
        {
            // The last visit is on the resolution's WIB day (or the working day before) in office hours.
            var day = DateOnly.FromDateTime(Wib.ToWib(resolved).DateTime);
            var at = VisitTime(random, day, resolved.Hour);
            if (at >= resolved || at <= createdAt)
            {
                at = createdAt + ((resolved - createdAt) * 0.7);
            }

            var booked = createdAt + ((at - createdAt) * 0.2);
            var roll = random.NextDouble();
            Guid? from = null;
            if (roll < 0.03)
            {
                visits.Add(Visit(random, client, officer, assignee, at, KppVisitOutcome.Cancelled, "Klien memperpanjang sertifikat sendiri lewat KPP lain.", null, null, booked, at, timeline, by));
                return visits;
            }

            if (roll < 0.13)
            {
                var earlier = booked + ((at - booked) * 0.4);
                var refused = Visit(random, client, officer, assignee, earlier, KppVisitOutcome.Refused, random.Pick(RefusalReasons), null, null, booked, earlier + TimeSpan.FromHours(2), timeline, by);
                visits.Add(refused);
                booked = Min(refused.UpdatedAt + TimeSpan.FromMinutes(30), at);
            }
            else if (roll < 0.25)
            {
                var planned = booked + ((at - booked) * 0.6);
                var moved = Visit(random, client, officer, assignee, planned, KppVisitOutcome.Rescheduled, random.Pick(RescheduleReasons), null, null, booked, booked + ((at - booked) * 0.3), timeline, by, next: at);
                visits.Add(moved);
                (booked, from) = (moved.UpdatedAt, moved.Id);
            }

            visits.Add(Visit(random, client, officer, assignee, at, KppVisitOutcome.CertificateIssued, null, DateOnly.FromDateTime(Wib.ToWib(at).DateTime), from,
                booked, Min(at + TimeSpan.FromHours(2), resolved), timeline, by));
        }
        else if (status is TicketStatus.WaitingOnKpp || (status == TicketStatus.InProgress && random.Chance(0.4)))
        {
            // Planned from the last change on: upcoming for recent tickets, past (no outcome recorded yet) for stuck ones.
            var day = SlaRules.Default.Calendar.NextWorkingDay(DateOnly.FromDateTime(Wib.ToWib(updatedAt).DateTime).AddDays(random.Next(0, 6)));
            visits.Add(Visit(random, client, officer, assignee, VisitTime(random, day, random.Next(0, 24)), KppVisitOutcome.Scheduled, null, null, null, updatedAt, updatedAt, timeline, by));
        }

        return visits;
    }

    private static DateTimeOffset VisitTime(DemoRandom random, DateOnly day, int seed) =>
        new(day.ToDateTime(new TimeOnly(8 + (seed % 6), random.Next(0, 4) * 15)), Wib.Offset);

    private static DemoVisit Visit(DemoRandom random, DemoClient client, string officer, Actor? assignee, DateTimeOffset at, KppVisitOutcome outcome, string? reason, DateOnly? issuedOn,
        Guid? from, DateTimeOffset booked, DateTimeOffset ended, List<DemoTimelineEntry> timeline, Actor by, DateTimeOffset? next = null)
    {
        var documents = outcome == KppVisitOutcome.Scheduled && random.Chance(0.6)
            ? (KppDocuments)random.Next(1, (int)KppVisit.AllDocuments) & KppVisit.AllDocuments
            : KppVisit.AllDocuments;
        var visit = new DemoVisit(random.Guid7(booked), client.Kpp!, at.ToUniversalTime(), officer, assignee?.Id, documents, outcome, reason, issuedOn, from, booked,
            outcome == KppVisitOutcome.Scheduled ? booked : ended);
        if (from is null)
        {
            DemoTimeline.Insert(timeline, new(TimelineKind.VisitScheduled, booked, by, visit.Kpp, officer, Instant(visit.At)));
        }

        if (outcome != KppVisitOutcome.Scheduled)
        {
            var scheduled = KppVisitOutcome.Scheduled.ToString();
            DemoTimeline.Insert(timeline, outcome switch
            {
                KppVisitOutcome.CertificateIssued => new(TimelineKind.VisitOutcome, ended, by, null, scheduled, $"{outcome}|{issuedOn:yyyy-MM-dd}"),
                KppVisitOutcome.Rescheduled => new(TimelineKind.VisitOutcome, ended, by, reason, Instant(visit.At), $"{outcome}|{Instant(next!.Value)}"),
                _ => new(TimelineKind.VisitOutcome, ended, by, reason, scheduled, outcome.ToString()),
            });
        }

        return visit;
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
