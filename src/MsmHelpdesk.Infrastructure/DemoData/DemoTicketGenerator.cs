using System.Globalization;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>
/// Draws demo tickets: when they were reported, what error, which client, how far they got, with their timeline,
/// SLA clocks, diagnosis and KPP visits.
/// </summary>
internal sealed class DemoTicketGenerator
{
    private static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.New, TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient, TicketStatus.WaitingOnKpp];

    private readonly DemoRandom _random;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _start;
    private readonly Actor[] _staff;
    private readonly Actor _seedActor = new("demo-seed", "Data demo");
    private readonly int _errorWeight = DemoCatalog.Errors.Sum(variant => variant.Weight);
    private readonly int _outageWeight = DemoCatalog.OutageErrors.Sum(variant => variant.Weight);
    private readonly Dictionary<string, string?> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<long> _outageHours = [];

    public DemoTicketGenerator(DemoRandom random, DateTimeOffset now, TimeSpan history, Actor[] staff)
    {
        _random = random;
        _now = now;
        _start = now - history;
        _staff = staff;
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
        var inOutage = _outageHours.Contains(reportedAt.Ticks / TimeSpan.TicksPerHour) && _random.Chance(0.85);
        var variant = inOutage ? _random.WeightedVariant(DemoCatalog.OutageErrors, _outageWeight) : _random.WeightedVariant(DemoCatalog.Errors, _errorWeight);
        var cause = _random.Pick(variant.Causes);

        // Some clients call far more often than others.
        var client = clients[(int)(Math.Pow(_random.NextDouble(), 1.8) * clients.Count)];
        var contact = client.Contacts.Length > 0 && _random.Chance(0.8) ? _random.Pick(client.Contacts) : null;
        var activity = _random.Chance(0.85) ? _random.Pick(variant.Activities) : null;
        var system = variant.Text.StartsWith("Coretax", StringComparison.Ordinal) || variant.Text.StartsWith("REG-", StringComparison.Ordinal)
            ? "Coretax"
            : _random.Chance(0.8) ? _random.Pick(DemoCatalog.SystemVersions) : null;
        var createdAt = Min(reportedAt + TimeSpan.FromMinutes(_random.Next(1, 90)), _now);
        var creator = _staff.Length > 0 ? _random.Pick(_staff) : _seedActor;
        var age = _now - reportedAt;
        var status = StatusFor(age, cause);
        var assignee = status == TicketStatus.New || _staff.Length == 0 || (status == TicketStatus.Triaged && _random.Chance(0.3)) ? null : _random.Pick(_staff);

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
        var resolution = resolvedAt is null ? null : string.Format(CultureInfo.InvariantCulture, _random.Pick(DemoCatalog.Resolutions[cause]), client.Kpp ?? "KPP terdaftar");

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

        var visits = DemoVisit.Draw(_random, cause, status, client, createdAt, resolvedAt, updatedAt, assignee, timeline, assignee ?? creator);
        var priority = PriorityFor(cause);
        var sla = DemoSla.Draw(_random, priority, status, createdAt, resolvedAt ?? updatedAt, resolvedAt, updatedAt);
        var diagnosis = DemoDiagnosis.Draw(_random, cause, activity, status, createdAt, resolvedAt ?? updatedAt, assignee ?? creator);
        if (diagnosis.ConfirmedAt is { } confirmedAt)
        {
            var agreed = diagnosis.SuggestedScenario == diagnosis.ConfirmedScenario && diagnosis.SuggestedCause == diagnosis.ConfirmedCause;
            DemoTimeline.Insert(timeline, new(TimelineKind.DiagnosisConfirmed, confirmedAt, assignee ?? creator, agreed ? "confirmed" : "corrected",
                $"{diagnosis.SuggestedScenario}/{diagnosis.SuggestedCause}", $"{diagnosis.ConfirmedScenario}/{diagnosis.ConfirmedCause}"));
        }

        return new DemoTicket(
            _random.Guid7(createdAt),
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
                : _random.Pick(OpenStatuses[2..]);
        }

        if (age > TimeSpan.FromDays(1))
        {
            return roll < 0.15 ? TicketStatus.Closed
                : roll < 0.45 ? TicketStatus.Resolved
                : roll < 0.55 && cause == DemoCause.Expired ? TicketStatus.WaitingOnKpp
                : _random.Pick(OpenStatuses[1..]);
        }

        return roll < 0.15 ? TicketStatus.Resolved : _random.Pick(OpenStatuses);
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
        if (_random.Chance(0.12))
        {
            return null;
        }

        var who = contact is null ? "Klien" : (_random.Chance(0.5) ? "Bu " : "Pak ") + contact.Name.Split(' ')[0];
        var opener = string.Format(CultureInfo.InvariantCulture, _random.Pick(DemoCatalog.Openers), who);
        var symptom = string.Format(CultureInfo.InvariantCulture, _random.Pick(DemoCatalog.Symptoms[DemoCatalog.SymptomKey(activity)]), null, _random.Next(3, 120));
        var parts = new[] { opener, symptom, _random.Pick(DemoCatalog.Clues[cause]), _random.Pick(DemoCatalog.Closers) };
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

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
