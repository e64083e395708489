using System.Globalization;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Infrastructure.DemoData;

internal sealed record DemoContact(Guid Id, string Name);

/// <summary>A client tickets can be given to: new or already in the database; officers by name (who may attend a KPP visit).</summary>
internal sealed record DemoClient(Guid Id, string? Kpp, DemoContact[] Contacts, string[] Officers);

internal sealed record NewDemoClient(
    Guid Id,
    string Name,
    string Npwp,
    string? Nitku,
    string Kpp,
    DateOnly PkpSince,
    EFakturChannel Channel,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOnEntered,
    DateOnly? CoretaxExpiresOn,
    string? PassphraseCustodian,
    DateTimeOffset CreatedAt,
    (string Name, string Position)[] Officers);

internal sealed record NewDemoContact(Guid Id, string Name, string? Phone, string? Email);

internal sealed record DemoTimelineEntry(TimelineKind Kind, DateTimeOffset At, Actor Actor, string? Text, string? OldValue, string? NewValue);

internal sealed record DemoTicket(
    Guid Id,
    string Number,
    Guid ClientId,
    Guid? ContactId,
    TicketChannel Channel,
    string ErrorText,
    string? ErrorCode,
    string? Activity,
    string? SystemVersion,
    string? Description,
    TicketPriority Priority,
    TicketStatus Status,
    string? AssigneeId,
    DateTimeOffset ReportedAt,
    DateTimeOffset CreatedAt,
    string CreatedById,
    DateTimeOffset UpdatedAt,
    string? ResolutionSummary,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<DemoTimelineEntry> Timeline,
    DemoDiagnosis Diagnosis,
    DemoSla Sla,
    IReadOnlyList<DemoVisit> Visits)
{
    /// <summary>How many values <see cref="CopyTo"/> writes: the seeder's ticket columns.</summary>
    public const int ColumnCount = 39 + DemoSla.ColumnCount;

    /// <summary>The values in the seeder's ticket column order.</summary>
    public void CopyTo(object?[] row)
    {
        row[0] = Id;
        row[1] = Number;
        row[2] = ClientId;
        row[3] = ContactId;
        row[4] = Channel;
        row[5] = ErrorText;
        row[6] = ErrorCode;
        row[7] = Activity;
        row[8] = SystemVersion;
        row[9] = Description;
        row[10] = Priority;
        row[11] = Status;
        row[12] = AssigneeId;
        row[13] = ReportedAt;
        row[14] = CreatedAt;
        row[15] = CreatedById;
        row[16] = UpdatedAt;
        row[17] = ResolutionSummary;
        row[18] = ResolvedAt;
        row[19] = ClosedAt;
        row[20] = Version;
        var d = Diagnosis;
        (row[21], row[22], row[23], row[24], row[25], row[26]) =
            (d.SuggestedScenario, d.SuggestedScenarioConfidence, d.SuggestedCause, d.SuggestedCauseConfidence, DemoDiagnosis.Version, CreatedAt);
        var confirmed = d.ConfirmedAt is not null;
        (row[27], row[28], row[29], row[30], row[31], row[32]) = confirmed
            ? ((object?)d.ConfirmedScenario, (object?)1.0, (object?)d.ConfirmedCause, (object?)1.0, (object?)"consultant", (object?)d.ConfirmedAt)
            : (null, null, null, null, null, null);
        (row[33], row[34]) = (d.ConfirmedAt, d.ConfirmedById);
        row[35] = ResolvedAt is { } resolved ? (long)(resolved - CreatedAt).TotalSeconds : null;
        row[36] = d.ConfirmedAt is { } at ? (long)(at - CreatedAt).TotalSeconds : null;
        (row[37], row[38]) = confirmed ? (d.ConfirmedScenario, d.ConfirmedCause) : (d.SuggestedScenario, d.SuggestedCause);
        Sla.CopyTo(row, 39);
    }
}

/// <summary>
/// A demo ticket's SLA clocks as the domain would have left them (<c>Ticket.Sla.cs</c>), with the default targets
/// and calendar: answered or still running first response, resolution met ⇔ business time used ≤ target, paused
/// while waiting (unless already breached), due instants on running clocks. Demo tickets have no reopen or
/// priority change, and a wait is taken as the ticket's last status change.
/// </summary>
internal sealed record DemoSla(
    int FirstResponseTargetMinutes,
    DateTimeOffset FirstResponseDueAt,
    DateTimeOffset? FirstResponseAtRiskAt,
    DateTimeOffset? FirstRespondedAt,
    bool? FirstResponseMet,
    int? FirstResponseUsedSeconds,
    int ResolutionTargetMinutes,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ResolutionAtRiskAt,
    DateTimeOffset? ResolutionPausedAt,
    int? ResolutionUsedSeconds,
    DateTimeOffset? ResolvedAt,
    bool? ResolutionMet)
{
    public const int ColumnCount = 13;

    /// <summary>The seeder's SLA column names, in <see cref="CopyTo"/>'s order.</summary>
    public static readonly string[] Columns =
    [
        "SlaFirstResponseTargetMinutes", "SlaFirstResponseDueAt", "SlaFirstResponseAtRiskAt", "SlaFirstRespondedAt", "SlaFirstResponseMet",
        "SlaFirstResponseUsedSeconds", "SlaResolutionTargetMinutes", "SlaResolutionDueAt", "SlaResolutionAtRiskAt", "SlaResolutionPausedAt",
        "SlaResolutionUsedSeconds", "SlaResolvedAt", "SlaResolutionMet",
    ];

    public void CopyTo(object?[] row, int offset)
    {
        row[offset] = FirstResponseTargetMinutes;
        row[offset + 1] = FirstResponseDueAt;
        row[offset + 2] = FirstResponseAtRiskAt;
        row[offset + 3] = FirstRespondedAt;
        row[offset + 4] = FirstResponseMet;
        row[offset + 5] = FirstResponseUsedSeconds;
        row[offset + 6] = ResolutionTargetMinutes;
        row[offset + 7] = ResolutionDueAt;
        row[offset + 8] = ResolutionAtRiskAt;
        row[offset + 9] = ResolutionPausedAt;
        row[offset + 10] = ResolutionUsedSeconds;
        row[offset + 11] = ResolvedAt;
        row[offset + 12] = ResolutionMet;
    }
}

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
}

/// <summary>
/// The classifier's suggestion on a demo ticket (usually right, sometimes unsure or wrong) and, for most worked
/// tickets, the consultant's confirmation of the true scenario and cause.
/// </summary>
internal sealed record DemoDiagnosis(
    string SuggestedScenario,
    double SuggestedScenarioConfidence,
    string SuggestedCause,
    double SuggestedCauseConfidence,
    string ConfirmedScenario,
    string ConfirmedCause,
    DateTimeOffset? ConfirmedAt,
    string? ConfirmedById)
{
    public const string Version = "demo";
}

/// <summary>Draws demo clients, contacts and tickets from one seeded random source, so a seed always gives the same data.</summary>
internal sealed class DemoGenerator
{
    private static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.New, TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient, TicketStatus.WaitingOnKpp];

    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _start;
    private readonly DateOnly _today;
    private readonly Actor[] _staff;
    private readonly Actor _seedActor = new("demo-seed", "Data demo");
    private readonly int _errorWeight = DemoCatalog.Errors.Sum(variant => variant.Weight);
    private readonly int _outageWeight = DemoCatalog.OutageErrors.Sum(variant => variant.Weight);
    private readonly Dictionary<string, string?> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private readonly HashSet<long> _outageHours = [];

    public DemoGenerator(Random random, DateTimeOffset now, TimeSpan history, Actor[] staff)
    {
        _random = random;
        _now = now;
        _start = now - history;
        _today = DateOnly.FromDateTime(Wib.ToWib(now).DateTime);
        _staff = staff;
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public NewDemoClient NextClient(HashSet<string> takenNpwps, HashSet<string> takenNames)
    {
        var (kpp, kppCode) = Pick(DemoCatalog.Kpps);
        string npwp;
        do
        {
            var first = string.Create(CultureInfo.InvariantCulture, $"0{_random.Next(1, 4)}{_random.Next(0, 1_000_000):D6}");
            var fifteen = first + Npwp.LuhnCheckDigit(first).ToString(CultureInfo.InvariantCulture) + kppCode + "000";
            npwp = Npwp.Parse(fifteen).Npwp!.Value;
        }
        while (!takenNpwps.Add(npwp));

        var name = CompanyName();
        for (var attempt = 0; !takenNames.Add(name); attempt++)
        {
            name = attempt < 20 ? CompanyName() : $"{CompanyName()} {Pick(DemoCatalog.Cities)} {attempt}";
        }

        var issued = Chance(0.9) ? _today.AddDays(-_random.Next(0, 800)) : (DateOnly?)null;
        var expiresEntered = issued is { } date && Chance(0.1) ? date.AddYears(Client.CertificateValidityYears) : (DateOnly?)null;
        var coretax = Chance(0.7) ? _today.AddDays(_random.Next(-60, 700)) : (DateOnly?)null;
        var createdAt = _start - TimeSpan.FromDays(_random.Next(1, 400)) - TimeSpan.FromMinutes(_random.Next(0, 1440));
        var officers = new List<(string, string)> { (PersonName(), "Direktur Utama") };
        if (Chance(0.5))
        {
            officers.Add((PersonName(), Pick(DemoCatalog.OfficerPositions[1..])));
        }

        return new NewDemoClient(
            Guid7(createdAt),
            name,
            npwp,
            Chance(0.6) ? npwp + "000000" : null,
            kpp,
            new DateOnly(1995, 1, 1).AddDays(_random.Next(0, 10_500)),
            Weighted(DemoCatalog.ClientChannels),
            issued,
            expiresEntered,
            coretax,
            Chance(0.5) ? $"{PersonName()} ({Pick(["Direktur", "Manajer Keuangan", "Staf Pajak"])})" : null,
            createdAt,
            [.. officers]);
    }

    public NewDemoContact NextContact(string companyName)
    {
        var first = Pick(DemoCatalog.FirstNames);
        var last = Pick(DemoCatalog.LastNames);
        string? phone = null;
        if (Chance(0.9))
        {
            do
            {
                var local = string.Create(CultureInfo.InvariantCulture, $"0{Pick(DemoCatalog.MobilePrefixes)}-{_random.Next(1000, 10_000)}-{_random.Next(1000, 100_000)}");
                phone = PhoneNumber.Normalize(local);
            }
            while (phone is null || !_phones.Add(phone));
        }

        string? email = null;
        if (phone is null || Chance(0.6))
        {
            var domain = Chance(0.6)
                ? string.Concat(companyName.Split(' ').Skip(1).Take(2)).ToLowerInvariant() + ".co.id"
                : Pick(DemoCatalog.MailProviders);
            email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{_random.Next(1, 100)}@{domain}";
        }

        return new NewDemoContact(Guid7(_start), $"{first} {last}", phone, email);
    }

    /// <summary>
    /// Report times over the history, oldest first: office hours and weekdays mostly, more in recent months as
    /// the client base grows, and a few DJP outage hours when many clients call at once.
    /// </summary>
    public DateTimeOffset[] ReportTimes(int count)
    {
        var span = (_now - _start).Ticks;
        var times = new long[count];
        var outages = Math.Min(6, count / 200);
        var perOutage = count / 500;
        var index = 0;
        for (var outage = 0; outage < outages; outage++)
        {
            var hour = _start.Ticks + (_random.NextInt64(span) / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour);
            _outageHours.Add(hour / TimeSpan.TicksPerHour);
            for (var i = 0; i < perOutage && index < count; i++)
            {
                times[index++] = hour + _random.NextInt64(TimeSpan.TicksPerHour);
            }
        }

        while (index < count)
        {
            var ticks = _start.Ticks + _random.NextInt64(span);
            var wib = new DateTime(ticks).Add(Wib.Offset);
            var day = wib.DayOfWeek switch { DayOfWeek.Sunday => 0.05, DayOfWeek.Saturday => 0.25, _ => 1.0 };
            var hour = wib.Hour switch { >= 8 and < 17 => 1.0, >= 7 and < 20 => 0.35, _ => 0.03 };
            var growth = 0.5 + (0.5 * (ticks - _start.Ticks) / span);
            if (_random.NextDouble() < day * hour * growth)
            {
                times[index++] = ticks;
            }
        }

        Array.Sort(times);
        var latest = (_now - TimeSpan.FromMinutes(5)).Ticks;
        return times.Select(ticks => new DateTimeOffset(Math.Min(ticks, latest), TimeSpan.Zero)).ToArray();
    }

    public DemoTicket NextTicket(string number, DateTimeOffset reportedAt, List<DemoClient> clients)
    {
        var inOutage = _outageHours.Contains(reportedAt.Ticks / TimeSpan.TicksPerHour) && Chance(0.85);
        var variant = inOutage ? WeightedVariant(DemoCatalog.OutageErrors, _outageWeight) : WeightedVariant(DemoCatalog.Errors, _errorWeight);
        var cause = Pick(variant.Causes);

        // Some clients call far more often than others.
        var client = clients[(int)(Math.Pow(_random.NextDouble(), 1.8) * clients.Count)];
        var contact = client.Contacts.Length > 0 && Chance(0.8) ? Pick(client.Contacts) : null;
        var activity = Chance(0.85) ? Pick(variant.Activities) : null;
        var system = variant.Text.StartsWith("Coretax", StringComparison.Ordinal) || variant.Text.StartsWith("REG-", StringComparison.Ordinal)
            ? "Coretax"
            : Chance(0.8) ? Pick(DemoCatalog.SystemVersions) : null;
        var createdAt = Min(reportedAt + TimeSpan.FromMinutes(_random.Next(1, 90)), _now);
        var creator = _staff.Length > 0 ? Pick(_staff) : _seedActor;
        var age = _now - reportedAt;
        var status = StatusFor(age, cause);
        var assignee = status == TicketStatus.New || _staff.Length == 0 || (status == TicketStatus.Triaged && Chance(0.3)) ? null : Pick(_staff);

        DateTimeOffset? resolvedAt = null;
        DateTimeOffset? closedAt = null;
        if (status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            resolvedAt = Min(createdAt + TimeToResolve(cause), _now - TimeSpan.FromMinutes(1));
            if (status == TicketStatus.Closed)
            {
                closedAt = resolvedAt + TimeSpan.FromHours(_random.Next(4, 24 * 7));
                if (closedAt > _now)
                {
                    (status, closedAt) = (TicketStatus.Resolved, null);
                }
            }
        }

        var updatedAt = closedAt ?? resolvedAt
            ?? (status == TicketStatus.New ? createdAt : Min(createdAt + TimeSpan.FromMinutes(_random.Next(5, 60 * 48)), _now));
        var resolution = resolvedAt is null ? null : string.Format(CultureInfo.InvariantCulture, Pick(DemoCatalog.Resolutions[cause]), client.Kpp ?? "KPP terdaftar");

        var timeline = new List<DemoTimelineEntry> { new(TimelineKind.Created, createdAt, creator, variant.Text, null, null) };
        if (assignee is not null)
        {
            timeline.Add(new(TimelineKind.AssigneeChanged, Min(createdAt + TimeSpan.FromMinutes(_random.Next(1, 30)), updatedAt), creator, null, null, assignee.Id));
        }

        if (status != TicketStatus.New)
        {
            var at = resolvedAt ?? updatedAt;
            timeline.Add(new(TimelineKind.StatusChanged, at, assignee ?? creator, resolution, TicketStatus.New.ToString(), (resolvedAt is null ? status : TicketStatus.Resolved).ToString()));
            if (closedAt is { } closed)
            {
                timeline.Add(new(TimelineKind.StatusChanged, closed, assignee ?? creator, null, TicketStatus.Resolved.ToString(), TicketStatus.Closed.ToString()));
            }
        }

        var visits = Visits(cause, status, client, createdAt, resolvedAt, updatedAt, assignee, timeline, assignee ?? creator);
        var priority = PriorityFor(cause);
        var sla = Sla(priority, status, createdAt, resolvedAt ?? updatedAt, resolvedAt, updatedAt);
        var diagnosis = Diagnose(cause, activity, status, createdAt, resolvedAt ?? updatedAt, assignee ?? creator);
        if (diagnosis.ConfirmedAt is { } confirmedAt)
        {
            var agreed = diagnosis.SuggestedScenario == diagnosis.ConfirmedScenario && diagnosis.SuggestedCause == diagnosis.ConfirmedCause;
            var at = timeline.FindIndex(entry => entry.At > confirmedAt);
            timeline.Insert(at < 0 ? timeline.Count : at, new(TimelineKind.DiagnosisConfirmed, confirmedAt, assignee ?? creator, agreed ? "confirmed" : "corrected",
                $"{diagnosis.SuggestedScenario}/{diagnosis.SuggestedCause}", $"{diagnosis.ConfirmedScenario}/{diagnosis.ConfirmedCause}"));
        }

        return new DemoTicket(
            Guid7(createdAt),
            number,
            client.Id,
            contact?.Id,
            TicketChannelFor(),
            variant.Text,
            Code(variant.Text),
            activity,
            system,
            Description(contact, cause, activity),
            priority,
            status,
            assignee?.Id,
            reportedAt,
            createdAt,
            creator.Id,
            updatedAt,
            resolution,
            resolvedAt,
            closedAt,
            timeline.Count - 1,
            timeline,
            diagnosis,
            sla,
            visits);
    }

    private static readonly SlaRules Rules = SlaRules.Default;

    /// <summary>
    /// The clocks with the default targets in business time (<see cref="SlaRules.Default"/>). First response: most
    /// within the target, some late, never after the ticket's first status change. Resolution: business time from
    /// creation to resolution; an open ticket's clock runs (due instants set), a waiting one is paused at its last
    /// change unless the due instant had already passed (a breached clock is not paused).
    /// </summary>
    private DemoSla Sla(TicketPriority priority, TicketStatus status, DateTimeOffset createdAt, DateTimeOffset firstChange, DateTimeOffset? resolvedAt, DateTimeOffset updatedAt)
    {
        var calendar = Rules.Calendar;
        var target = Rules.For(priority);
        var firstDue = calendar.AddWorkingTime(createdAt, target.FirstResponse);
        var firstAtRisk = calendar.AddWorkingTime(createdAt, SlaRules.AtRiskAfter(target.FirstResponse));
        DateTimeOffset? responded = null;
        if (status != TicketStatus.New)
        {
            var draw = Chance(0.85)
                ? TimeSpan.FromSeconds(_random.Next(300, Math.Max(301, (int)target.FirstResponse.TotalSeconds)))
                : target.FirstResponse + TimeSpan.FromSeconds(_random.Next(60, (int)(2 * target.FirstResponse.TotalSeconds)));
            var at = calendar.AddWorkingTime(createdAt, draw);
            responded = at < firstChange ? at : firstChange;
        }

        var resolutionTarget = target.Resolution;
        var due = calendar.AddWorkingTime(createdAt, resolutionTarget);
        var atRisk = calendar.AddWorkingTime(createdAt, SlaRules.AtRiskAfter(resolutionTarget));
        DateTimeOffset? resolutionDue = due, resolutionAtRisk = atRisk, paused = null;
        int? used = null;
        bool? met = null;
        if (resolvedAt is { } resolved)
        {
            var spent = calendar.WorkingTimeBetween(createdAt, resolved);
            met = spent <= resolutionTarget;
            used = Seconds(spent);
            (resolutionDue, resolutionAtRisk) = (met == true ? null : due, null);
        }
        else if ((status is TicketStatus.WaitingOnClient or TicketStatus.WaitingOnKpp) && updatedAt < due)
        {
            (paused, used, resolutionDue, resolutionAtRisk) = (updatedAt, Seconds(calendar.WorkingTimeBetween(createdAt, updatedAt)), null, null);
        }

        return new DemoSla(
            Minutes(target.FirstResponse), firstDue, responded is null ? firstAtRisk : null, responded,
            responded is { } r ? r <= firstDue : null, responded is { } r2 ? Seconds(calendar.WorkingTimeBetween(createdAt, r2)) : null,
            Minutes(resolutionTarget), resolutionDue, resolutionAtRisk, paused, used, resolvedAt, met);
    }

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
    private List<DemoVisit> Visits(DemoCause cause, TicketStatus status, DemoClient client, DateTimeOffset createdAt, DateTimeOffset? resolvedAt,
        DateTimeOffset updatedAt, Actor? assignee, List<DemoTimelineEntry> timeline, Actor by)
    {
        var visits = new List<DemoVisit>();
        if (cause != DemoCause.Expired || status == TicketStatus.New || client.Kpp is null || client.Officers.Length == 0 || !Chance(0.7))
        {
            return visits;
        }

        var officer = Pick(client.Officers);
        if (resolvedAt is { } resolved)
        {
            // The last visit is on the resolution's WIB day (or the working day before) in office hours.
            var day = DateOnly.FromDateTime(Wib.ToWib(resolved).DateTime);
            var at = VisitTime(day, resolved.Hour);
            if (at >= resolved || at <= createdAt)
            {
                at = createdAt + ((resolved - createdAt) * 0.7);
            }

            var booked = createdAt + ((at - createdAt) * 0.2);
            var roll = _random.NextDouble();
            Guid? from = null;
            if (roll < 0.03)
            {
                visits.Add(Visit(client, officer, assignee, at, KppVisitOutcome.Cancelled, "Klien memperpanjang sertifikat sendiri lewat KPP lain.", null, null, booked, at, timeline, by));
                return visits;
            }

            if (roll < 0.13)
            {
                var earlier = booked + ((at - booked) * 0.4);
                var refused = Visit(client, officer, assignee, earlier, KppVisitOutcome.Refused, Pick(RefusalReasons), null, null, booked, earlier + TimeSpan.FromHours(2), timeline, by);
                visits.Add(refused);
                booked = Min(refused.UpdatedAt + TimeSpan.FromMinutes(30), at);
            }
            else if (roll < 0.25)
            {
                var planned = booked + ((at - booked) * 0.6);
                var moved = Visit(client, officer, assignee, planned, KppVisitOutcome.Rescheduled, Pick(RescheduleReasons), null, null, booked, booked + ((at - booked) * 0.3), timeline, by, next: at);
                visits.Add(moved);
                (booked, from) = (moved.UpdatedAt, moved.Id);
            }

            visits.Add(Visit(client, officer, assignee, at, KppVisitOutcome.CertificateIssued, null, DateOnly.FromDateTime(Wib.ToWib(at).DateTime), from,
                booked, Min(at + TimeSpan.FromHours(2), resolved), timeline, by));
        }
        else if (status is TicketStatus.WaitingOnKpp || (status == TicketStatus.InProgress && Chance(0.4)))
        {
            // Planned from the last change on: upcoming for recent tickets, past (no outcome recorded yet) for stuck ones.
            var day = Rules.Calendar.NextWorkingDay(DateOnly.FromDateTime(Wib.ToWib(updatedAt).DateTime).AddDays(_random.Next(0, 6)));
            visits.Add(Visit(client, officer, assignee, VisitTime(day, _random.Next(0, 24)), KppVisitOutcome.Scheduled, null, null, null, updatedAt, updatedAt, timeline, by));
        }

        return visits;
    }

    private DateTimeOffset VisitTime(DateOnly day, int seed) =>
        new(day.ToDateTime(new TimeOnly(8 + (seed % 6), _random.Next(0, 4) * 15)), Wib.Offset);

    private DemoVisit Visit(DemoClient client, string officer, Actor? assignee, DateTimeOffset at, KppVisitOutcome outcome, string? reason, DateOnly? issuedOn,
        Guid? from, DateTimeOffset booked, DateTimeOffset ended, List<DemoTimelineEntry> timeline, Actor by, DateTimeOffset? next = null)
    {
        var documents = outcome == KppVisitOutcome.Scheduled && Chance(0.6)
            ? (KppDocuments)_random.Next(1, (int)KppVisit.AllDocuments) & KppVisit.AllDocuments
            : KppVisit.AllDocuments;
        var visit = new DemoVisit(Guid7(booked), client.Kpp!, at.ToUniversalTime(), officer, assignee?.Id, documents, outcome, reason, issuedOn, from, booked,
            outcome == KppVisitOutcome.Scheduled ? booked : ended);
        if (from is null)
        {
            Insert(timeline, new(TimelineKind.VisitScheduled, booked, by, visit.Kpp, officer, Instant(visit.At)));
        }

        if (outcome != KppVisitOutcome.Scheduled)
        {
            var scheduled = KppVisitOutcome.Scheduled.ToString();
            Insert(timeline, outcome switch
            {
                KppVisitOutcome.CertificateIssued => new(TimelineKind.VisitOutcome, ended, by, null, scheduled, $"{outcome}|{issuedOn:yyyy-MM-dd}"),
                KppVisitOutcome.Rescheduled => new(TimelineKind.VisitOutcome, ended, by, reason, Instant(visit.At), $"{outcome}|{Instant(next!.Value)}"),
                _ => new(TimelineKind.VisitOutcome, ended, by, reason, scheduled, outcome.ToString()),
            });
        }

        return visit;
    }

    private static void Insert(List<DemoTimelineEntry> timeline, DemoTimelineEntry entry)
    {
        var at = timeline.FindIndex(e => e.At > entry.At);
        timeline.Insert(at < 0 ? timeline.Count : at, entry);
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes);

    private static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds);

    private static readonly string[] Scenarios = ["registration", "upload", "invoice", "profile-sync", "other"];
    private static readonly string[] Causes = ["corrupt-certificate", "expired-certificate", "wrong-passphrase", "network", "djp-outage", "other"];

    /// <summary>
    /// The true diagnosis from the demo cause and the activity; the suggestion is right about 3 times in 4 for the
    /// cause (less for the scenario), otherwise unknown or another label. Resolved tickets are nearly always
    /// confirmed, worked open ones often, new ones never; confirmation comes before resolution.
    /// </summary>
    private DemoDiagnosis Diagnose(DemoCause cause, string? activity, TicketStatus status, DateTimeOffset createdAt, DateTimeOffset lastWork, Actor by)
    {
        var trueCause = cause switch
        {
            DemoCause.Expired => "expired-certificate",
            DemoCause.Corrupt => "corrupt-certificate",
            DemoCause.Passphrase => "wrong-passphrase",
            DemoCause.Network => "network",
            DemoCause.Outage => "djp-outage",
            DemoCause.Unknown => "unknown",
            _ => "other",
        };
        var a = activity ?? "";
        var trueScenario = a.Contains("pload", StringComparison.Ordinal) ? "upload"
            : a.Contains("egistrasi", StringComparison.Ordinal) || a.Contains("ktivasi", StringComparison.Ordinal) ? "registration"
            : a.Contains("faktur", StringComparison.OrdinalIgnoreCase) ? "invoice"
            : a.Contains("inkronisasi", StringComparison.Ordinal) ? "profile-sync"
            : activity is null ? "unknown" : "other";
        var causeRoll = _random.NextDouble();
        var suggestedCause = causeRoll < 0.75 ? trueCause : causeRoll < 0.9 ? "unknown" : Pick(Causes);
        var scenarioRoll = _random.NextDouble();
        var suggestedScenario = scenarioRoll < 0.65 ? trueScenario : scenarioRoll < 0.85 ? "unknown" : Pick(Scenarios);
        var confirm = status switch
        {
            TicketStatus.Resolved or TicketStatus.Closed => Chance(0.9),
            TicketStatus.New => false,
            _ => Chance(0.5),
        };
        DateTimeOffset? confirmedAt = null;
        if (confirm)
        {
            // Most diagnoses within hours; some wait for the client's certificate or a KPP answer.
            var window = Math.Max(1, (long)(lastWork - createdAt).TotalMinutes);
            var minutes = Math.Min(window, Chance(0.8) ? _random.Next(5, 240) : _random.Next(240, 60 * 48));
            confirmedAt = createdAt + TimeSpan.FromMinutes(minutes);
        }

        return new DemoDiagnosis(
            suggestedScenario, suggestedScenario == "unknown" ? 0 : Math.Round(0.5 + (_random.NextDouble() * 0.5), 2),
            suggestedCause, suggestedCause == "unknown" ? 0 : Math.Round(0.5 + (_random.NextDouble() * 0.5), 2),
            trueScenario == "unknown" ? "other" : trueScenario,
            trueCause == "unknown" ? "other" : trueCause,
            confirmedAt,
            confirm ? by.Id : null);
    }

    /// <summary>Old tickets are mostly closed; the open ones are recent, with a small stuck backlog.</summary>
    private TicketStatus StatusFor(TimeSpan age, DemoCause cause)
    {
        var roll = _random.NextDouble();
        if (age > TimeSpan.FromDays(30))
        {
            return roll < 0.82 ? TicketStatus.Closed
                : roll < 0.995 ? TicketStatus.Resolved
                : cause == DemoCause.Expired ? TicketStatus.WaitingOnKpp : TicketStatus.WaitingOnClient;
        }

        if (age > TimeSpan.FromDays(7))
        {
            return roll < 0.45 ? TicketStatus.Closed
                : roll < 0.8 ? TicketStatus.Resolved
                : roll < 0.9 && cause is DemoCause.Expired or DemoCause.Passphrase ? TicketStatus.WaitingOnKpp
                : Pick(OpenStatuses[2..]);
        }

        if (age > TimeSpan.FromDays(1))
        {
            return roll < 0.15 ? TicketStatus.Closed
                : roll < 0.45 ? TicketStatus.Resolved
                : roll < 0.55 && cause == DemoCause.Expired ? TicketStatus.WaitingOnKpp
                : Pick(OpenStatuses[1..]);
        }

        return roll < 0.15 ? TicketStatus.Resolved : Pick(OpenStatuses);
    }

    private TimeSpan TimeToResolve(DemoCause cause) => cause switch
    {
        // Renewal needs an officer at the KPP: days, not hours.
        DemoCause.Expired => TimeSpan.FromHours(_random.Next(20, 24 * 6)),
        DemoCause.Passphrase => TimeSpan.FromHours(_random.Next(1, 24 * 4)),
        DemoCause.Outage => TimeSpan.FromMinutes(_random.Next(60, 60 * 8)),
        DemoCause.Network or DemoCause.Activation => TimeSpan.FromMinutes(_random.Next(20, 60 * 6)),
        _ => TimeSpan.FromMinutes(_random.Next(30, 60 * 30)),
    };

    private TicketPriority PriorityFor(DemoCause cause)
    {
        var roll = _random.NextDouble();
        if (cause == DemoCause.Outage)
        {
            return roll < 0.6 ? TicketPriority.High : TicketPriority.Urgent;
        }

        return roll < 0.15 ? TicketPriority.Low : roll < 0.75 ? TicketPriority.Normal : roll < 0.95 ? TicketPriority.High : TicketPriority.Urgent;
    }

    private TicketChannel TicketChannelFor()
    {
        var roll = _random.NextDouble();
        return roll < 0.45 ? TicketChannel.WhatsApp : roll < 0.8 ? TicketChannel.Phone : roll < 0.95 ? TicketChannel.Email : roll < 0.99 ? TicketChannel.WalkIn : TicketChannel.Api;
    }

    /// <summary>How a consultant jots a call down: who, what they were doing, a clue, a plea.</summary>
    private string? Description(DemoContact? contact, DemoCause cause, string? activity)
    {
        if (Chance(0.12))
        {
            return null;
        }

        var who = contact is null ? "Klien" : (Chance(0.5) ? "Bu " : "Pak ") + contact.Name.Split(' ')[0];
        var opener = string.Format(CultureInfo.InvariantCulture, Pick(DemoCatalog.Openers), who);
        var symptom = string.Format(CultureInfo.InvariantCulture, Pick(DemoCatalog.Symptoms[DemoCatalog.SymptomKey(activity)]), null, _random.Next(3, 120));
        var parts = new[] { opener, symptom, Pick(DemoCatalog.Clues[cause]), Pick(DemoCatalog.Closers) };
        var text = string.Join(' ', parts.Where(part => part.Length > 0));
        return opener.Length == 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private string? Code(string text)
    {
        if (!_codes.TryGetValue(text, out var code))
        {
            code = _codes[text] = ErrorCodes.Extract(text);
        }

        return code;
    }

    private string CompanyName()
    {
        var legal = _random.NextDouble() switch { < 0.82 => "PT", < 0.95 => "CV", _ => "UD" };
        var words = Chance(0.7)
            ? $"{Pick(DemoCatalog.NameFirstWords)} {Pick(DemoCatalog.NameSecondWords)} {Pick(DemoCatalog.NameThirdWords)}"
            : $"{Pick(DemoCatalog.NameFirstWords)} {Pick(DemoCatalog.NameSecondWords)}";
        var suffix = legal == "PT" && Chance(0.03) ? " Tbk" : "";
        return $"{legal} {words}{suffix}";
    }

    private string PersonName() => $"{Pick(DemoCatalog.FirstNames)} {Pick(DemoCatalog.LastNames)}";

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private T Weighted<T>((T Item, int Weight)[] items)
    {
        var roll = _random.Next(items.Sum(item => item.Weight));
        foreach (var (item, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    private DemoErrorVariant WeightedVariant(DemoErrorVariant[] variants, int total)
    {
        var roll = _random.Next(total);
        foreach (var variant in variants)
        {
            if ((roll -= variant.Weight) < 0)
            {
                return variant;
            }
        }

        return variants[^1];
    }

    /// <summary>A version-7 id (time-ordered, like Guid.CreateVersion7) whose random part comes from the seed.</summary>
    private Guid Guid7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes[6..]);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
