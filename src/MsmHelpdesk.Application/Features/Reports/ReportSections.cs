using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>One section of the resolution report. Every count, median and percentile is computed in SQL.</summary>
public interface IReportSection
{
    /// <summary>The name the CLI, the exports and the page use, e.g. "backlog".</summary>
    string Name { get; }

    Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken);
}

/// <summary>
/// The sections, in the dashboard's order. A new section is one class here plus its AppText title, note and
/// column keys.
/// </summary>
public static class ReportSections
{
    public const string Etax40002 = "ETAX-40002";

    public static IReadOnlyList<IReportSection> All { get; } =
    [
        new BacklogSection(),
        new WeeklyFlowSection(),
        new ErrorCodesSection(),
        new MatrixSection(),
        new ResolutionTimesSection(),
        new CertificatesSection(),
        new WorkloadSection(),
        new AccuracySection(),
        new SlaComplianceSection(),
        new KppVisitsSection(),
        new TopClientsSection(),
    ];

    public static IReportSection? Find(string name) => All.FirstOrDefault(section => section.Name == name);

    /// <summary>Used where a grouping key is empty (no error code, no diagnosis, unassigned).</summary>
    public const string None = "-";

    /// <summary>
    /// The WIB calendar months overlapping the range, each as its label ("yyyy-MM") and the instants it covers,
    /// clipped to the range so the months add up to the range's totals. SQLite keeps instants as UTC ticks, so
    /// calendar parts are not available in SQL: each month is a range of instants instead.
    /// </summary>
    public static IEnumerable<(string Label, DateTimeOffset Start, DateTimeOffset End)> Months(ReportScope scope)
    {
        for (var month = new DateOnly(scope.From.Year, scope.From.Month, 1); month <= scope.To; month = month.AddMonths(1))
        {
            var start = ReportScope.WibMidnight(month < scope.From ? scope.From : month);
            var end = ReportScope.WibMidnight(month.AddMonths(1) > scope.To ? scope.To.AddDays(1) : month.AddMonths(1));
            yield return (month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), start, end);
        }
    }

    /// <summary>A share in percent, 2 decimals; null when there is nothing to share.</summary>
    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 2);
}

/// <summary>Open tickets now, by status and age (WIB days since reported). The date range does not apply: a backlog is today's.</summary>
public sealed class BacklogSection : IReportSection
{
    /// <summary>Age buckets in WIB calendar days since the day reported: 0–1, 2–7, 8–30, over 30.</summary>
    public static readonly string[] Buckets = ["0-1", "2-7", "8-30", "31+"];

    public string Name => "backlog";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var today = scope.Today;
        var day1 = ReportScope.WibMidnight(today.AddDays(-1));
        var day7 = ReportScope.WibMidnight(today.AddDays(-7));
        var day30 = ReportScope.WibMidnight(today.AddDays(-30));
        var open = TicketWorkflow.Open.ToArray();
        var rows = await scope.Tickets
            .Where(t => open.Contains(t.Status))
            .GroupBy(t => new { t.Status, Bucket = t.ReportedAt >= day1 ? 0 : t.ReportedAt >= day7 ? 1 : t.ReportedAt >= day30 ? 2 : 3 })
            .Select(g => new { g.Key.Status, g.Key.Bucket, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var table = TicketWorkflow.Open
            .Select(status => new object?[] { status.ToString() }
                .Concat(Enumerable.Range(0, Buckets.Length).Select(b => (object?)rows.Where(r => r.Status == status && r.Bucket == b).Sum(r => r.Count)))
                .Append(rows.Where(r => r.Status == status).Sum(r => r.Count))
                .ToArray())
            .ToList();
        return new ReportTable(Name,
            [new("Status"), new("Age0To1", true), new("Age2To7", true), new("Age8To30", true), new("Age31Plus", true), new("Total", true, Charted: false)],
            table);
    }
}

/// <summary>Per ISO week (Monday, WIB): tickets reported and tickets resolved. Weeks overlapping the range, counted within it.</summary>
public sealed class WeeklyFlowSection : IReportSection
{
    public string Name => "weekly";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        var monday = scope.From.AddDays(-(((int)scope.From.DayOfWeek + 6) % 7));
        for (var week = monday; week <= scope.To; week = week.AddDays(7))
        {
            // Clip the week to the range so the weeks add up to the range's totals.
            var start = ReportScope.WibMidnight(week < scope.From ? scope.From : week);
            var end = ReportScope.WibMidnight(week.AddDays(7) > scope.To.AddDays(1) ? scope.To.AddDays(1) : week.AddDays(7));
            var reported = await scope.Tickets.CountAsync(t => t.ReportedAt >= start && t.ReportedAt < end, cancellationToken);
            var resolved = await scope.Tickets.CountAsync(t => t.ResolvedAt >= start && t.ResolvedAt < end, cancellationToken);
            rows.Add([week, reported, resolved]);
        }

        return new ReportTable(Name, [new("Week"), new("New", true), new("Resolved", true)], rows, ReportChart.Line);
    }
}

/// <summary>Tickets reported in the range by error code, with how many are still open.</summary>
public sealed class ErrorCodesSection : IReportSection
{
    public string Name => "error-codes";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var split = scope.Split(TallyKind.Codes);
        var sums = new Sums<string>(2);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(TallyKind.Codes, split)
                .GroupBy(t => t.ErrorCode)
                .Select(g => new { Code = g.Key, Count = g.Sum(t => t.Tickets), Open = g.Sum(t => t.Open) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add(r.Code ?? ReportSections.None, r.Count, r.Open));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await scope.ReportedBetween(start, end)
                .GroupBy(t => t.ErrorCode)
                .Select(g => new { Code = g.Key, Count = g.Count(), Open = g.Count(t => open.Contains(t.Status)) })
                .ToListAsync(cancellationToken);
            counted.ForEach(r => sums.Add(r.Code ?? ReportSections.None, r.Count, r.Open));
        }

        return new ReportTable(Name, [new("ErrorCode"), new("Tickets", true), new("Open", true)],
            sums.Rows.OrderByDescending(r => r.Counts[0]).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new object?[] { r.Key, r.Counts[0], r.Counts[1] }).ToList());
    }
}

/// <summary>
/// ETAX-40002 tickets reported in the range by scenario × cause. A ticket counts under its confirmed diagnosis,
/// else under the classifier's latest suggestion (<see cref="Ticket.DiagnosedScenario"/>); the "confirmed"
/// column says how many of the cell's tickets a consultant confirmed.
/// </summary>
public sealed class MatrixSection : IReportSection
{
    public string Name => "matrix";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var split = scope.Split(TallyKind.Codes);
        var sums = new Sums<(string Scenario, string Cause)>(2);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(TallyKind.Codes, split)
                .Where(t => t.ErrorCode == ReportSections.Etax40002)
                .GroupBy(t => new { t.Key, t.Key2 })
                .Select(g => new { Scenario = g.Key.Key, Cause = g.Key.Key2, Count = g.Sum(t => t.Tickets), Confirmed = g.Sum(t => t.Confirmed) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add((r.Scenario ?? ReportSections.None, r.Cause ?? ReportSections.None), r.Count, r.Confirmed));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await scope.ReportedBetween(start, end)
                .Where(t => t.ErrorCode == ReportSections.Etax40002)
                .GroupBy(t => new { t.DiagnosedScenario, t.DiagnosedCause })
                .Select(g => new { g.Key.DiagnosedScenario, g.Key.DiagnosedCause, Count = g.Count(), Confirmed = g.Count(t => t.DiagnosisSeconds != null) })
                .ToListAsync(cancellationToken);
            counted.ForEach(r => sums.Add((r.DiagnosedScenario ?? ReportSections.None, r.DiagnosedCause ?? ReportSections.None), r.Count, r.Confirmed));
        }

        return new ReportTable(Name, [new("Scenario"), new("Cause"), new("Tickets", true), new("Confirmed", true)],
            sums.Rows.OrderBy(r => r.Key.Scenario, StringComparer.Ordinal).ThenBy(r => r.Key.Cause, StringComparer.Ordinal)
                .Select(r => new object?[] { r.Key.Scenario, r.Key.Cause, r.Counts[0], r.Counts[1] }).ToList(),
            ReportChart.None);
    }
}

/// <summary>
/// Per cause (confirmed, else suggested), over tickets reported in the range: median and 90th percentile
/// (nearest rank) of hours from creation to resolution, and from creation to a confirmed diagnosis.
/// </summary>
public sealed class ResolutionTimesSection : IReportSection
{
    public string Name => "resolution-times";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        int[] percents = [50, 90];
        var reported = scope.Reported;
        var resolutionHistogram = await HistogramAsync(scope, TallyKind.Resolution,
            tickets => tickets.Where(t => t.ResolutionSeconds != null).Select(t => new CauseSeconds { Cause = t.DiagnosedCause, Seconds = t.ResolutionSeconds!.Value }),
            cancellationToken);
        var diagnosisHistogram = await HistogramAsync(scope, TallyKind.Diagnosis,
            tickets => tickets.Where(t => t.DiagnosisSeconds != null).Select(t => new CauseSeconds { Cause = t.DiagnosedCause, Seconds = t.DiagnosisSeconds!.Value }),
            cancellationToken);

        IQueryable<Ticket> OfCause(string cause) => cause == ReportSections.None
            ? reported.Where(t => t.DiagnosedCause == null)
            : reported.Where(t => t.DiagnosedCause == cause);
        var resolution = await Percentiles.OfAsync(resolutionHistogram,
            (cause, from, to) => OfCause(cause).Where(t => t.ResolutionSeconds >= from && t.ResolutionSeconds < to).Select(t => t.ResolutionSeconds!.Value),
            percents, cancellationToken);
        var diagnosis = await Percentiles.OfAsync(diagnosisHistogram,
            (cause, from, to) => OfCause(cause).Where(t => t.DiagnosisSeconds >= from && t.DiagnosisSeconds < to).Select(t => t.DiagnosisSeconds!.Value),
            percents, cancellationToken);

        var rows = new List<object?[]>();
        foreach (var cause in resolution.Keys.Union(diagnosis.Keys).Order(StringComparer.Ordinal))
        {
            var (resolved, resolvedAt) = resolution.GetValueOrDefault(cause, (0, new long?[2]));
            var (diagnosed, diagnosedAt) = diagnosis.GetValueOrDefault(cause, (0, new long?[2]));
            rows.Add([cause, resolved, Percentiles.Hours(resolvedAt[0]), Percentiles.Hours(resolvedAt[1]),
                diagnosed, Percentiles.Hours(diagnosedAt[0]), Percentiles.Hours(diagnosedAt[1])]);
        }

        return new ReportTable(Name,
            [new("Cause"), new("Resolved", true, Charted: false), new("MedianResolutionHours", true), new("P90ResolutionHours", true),
             new("Diagnosed", true, Charted: false), new("MedianDiagnosisHours", true), new("P90DiagnosisHours", true)],
            rows);
    }

    /// <summary>
    /// Per cause (null causes under "-"), how many of the range's tickets have a value (of <paramref name="values"/>) in each
    /// bucket of <see cref="Percentiles.BucketSeconds"/>: whole months from the stored totals, the other days from the tickets.
    /// </summary>
    private static async Task<List<HistogramBucket<string>>> HistogramAsync(
        ReportScope scope, TallyKind kind, Func<IQueryable<Ticket>, IQueryable<CauseSeconds>> values, CancellationToken cancellationToken)
    {
        const long width = Percentiles.BucketSeconds;
        var split = scope.Split(kind);
        var sums = new Sums<(string Cause, long Bucket)>(1);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(kind, split)
                .GroupBy(t => new { t.Key, t.Number })
                .Select(g => new { Cause = g.Key.Key, Bucket = g.Key.Number, Count = g.Sum(t => t.Tickets) })
                .ToListAsync(cancellationToken);
            stored.ForEach(b => sums.Add((b.Cause ?? ReportSections.None, b.Bucket), b.Count));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await values(scope.ReportedBetween(start, end))
                .GroupBy(v => new { v.Cause, Bucket = v.Seconds / width })
                .Select(g => new { g.Key.Cause, g.Key.Bucket, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counted.ForEach(b => sums.Add((b.Cause ?? ReportSections.None, b.Bucket), b.Count));
        }

        return sums.Rows.Select(r => new HistogramBucket<string>(r.Key.Cause, r.Key.Bucket, r.Counts[0])).ToList();
    }

    /// <summary>A ticket's cause and one of its durations, so both durations share one grouping query.</summary>
    private sealed class CauseSeconds
    {
        public string? Cause { get; init; }

        public long Seconds { get; init; }
    }
}

/// <summary>
/// Clients whose legacy e-Faktur certificate (<see cref="Client.ExpiryOf"/>: entered expiry, else issue + 2
/// years) or Coretax certificate expires within 30, 31–60 or 61–90 days from today (WIB), and those already
/// expired. Client and KPP filters apply; dates do not (expiry is about today).
/// </summary>
public sealed class CertificatesSection : IReportSection
{
    public string Name => "certificates";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var clients = scope.Db.Clients.AsNoTracking();
        if (scope.Filter.ClientId is { } clientId)
        {
            clients = clients.Where(c => c.Id == clientId);
        }

        if (!string.IsNullOrWhiteSpace(scope.Filter.Kpp))
        {
            var kpp = scope.Filter.Kpp.Trim();
            clients = clients.Where(c => c.Kpp == kpp);
        }

        var today = scope.Today;
        var windows = new (string Key, DateOnly? From, DateOnly To)[]
        {
            ("expired", null, today.AddDays(-1)),
            ("0-30", today, today.AddDays(30)),
            ("31-60", today.AddDays(31), today.AddDays(60)),
            ("61-90", today.AddDays(61), today.AddDays(90)),
        };
        var rows = new List<object?[]>();
        foreach (var (key, from, to) in windows)
        {
            var legacy = await clients.CountAsync(LegacyExpiresWithin(from, to), cancellationToken);
            var coretax = await clients.CountAsync(c => c.CoretaxExpiresOn != null && c.CoretaxExpiresOn <= to && (from == null || c.CoretaxExpiresOn >= from), cancellationToken);
            rows.Add([key, legacy, coretax]);
        }

        return new ReportTable(Name, [new("ExpiryWindow"), new("Legacy", true), new("Coretax", true)], rows);
    }

    /// <summary>
    /// Client.ExpiryOf in SQL: the entered expiry in [from, to], or, without one, issue + 2 years in it. The issue
    /// date's bounds are the earliest issue days whose expiry reaches each end, so 29 February counts exactly.
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Client, bool>> LegacyExpiresWithin(DateOnly? from, DateOnly to)
    {
        var issuedBefore = EarliestIssueReaching(to.AddDays(1));
        if (from is null)
        {
            return c => (c.CertificateExpiresOnEntered != null && c.CertificateExpiresOnEntered <= to)
                || (c.CertificateExpiresOnEntered == null && c.CertificateIssuedOn != null && c.CertificateIssuedOn < issuedBefore);
        }

        var issuedFrom = EarliestIssueReaching(from.Value);
        var start = from.Value;
        return c => (c.CertificateExpiresOnEntered != null && c.CertificateExpiresOnEntered >= start && c.CertificateExpiresOnEntered <= to)
            || (c.CertificateExpiresOnEntered == null && c.CertificateIssuedOn >= issuedFrom && c.CertificateIssuedOn < issuedBefore);
    }

    /// <summary>The first issue day whose derived expiry is on or after <paramref name="day"/>.</summary>
    public static DateOnly EarliestIssueReaching(DateOnly day)
    {
        var issue = day.AddYears(-Client.CertificateValidityYears);
        return Client.ExpiryOf(issue, null) < day ? issue.AddDays(1) : issue;
    }
}

/// <summary>
/// Per consultant: open tickets assigned now, tickets they resolved in the range (by resolution day, WIB) and the
/// median hours to resolution of those.
/// </summary>
public sealed class WorkloadSection : IReportSection
{
    public string Name => "workload";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var (start, end) = (scope.Start, scope.End);
        // One open status at a time: an equality on status reads that status's few tickets from the (Status, …) index,
        // where "status in (…)" let SQLite walk every assigned ticket in consultant order to skip the sort.
        var perStatus = new Sums<string>(1);
        foreach (var status in open)
        {
            var counted = await scope.Tickets.Where(t => t.Status == status && t.AssigneeId != null)
                .GroupBy(t => t.AssigneeId)
                .Select(g => new { Id = g.Key!, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counted.ForEach(c => perStatus.Add(c.Id, c.Count));
        }

        var openCounts = perStatus.Rows.Select(r => new { Id = r.Key, Count = r.Counts[0] }).ToList();
        IQueryable<Ticket> ResolvedBetween(DateTimeOffset from, DateTimeOffset to) =>
            scope.Tickets.Where(t => t.ResolvedAt >= from && t.ResolvedAt < to && t.ResolutionSeconds != null && t.AssigneeId != null);
        var resolved = ResolvedBetween(start, end);

        // Per consultant and bucket: whole months (of resolution) from the stored totals, the other days from the tickets.
        const long width = Percentiles.WorkloadBucketSeconds;
        var split = scope.Split(TallyKind.Workload);
        var sums = new Sums<(string Assignee, long Bucket)>(1);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(TallyKind.Workload, split)
                .GroupBy(t => new { t.AssigneeId, t.Number })
                .Select(g => new { Assignee = g.Key.AssigneeId, Bucket = g.Key.Number, Count = g.Sum(t => t.Tickets) })
                .ToListAsync(cancellationToken);
            stored.ForEach(b => sums.Add((b.Assignee!, b.Bucket), b.Count));
        }

        foreach (var (from, to) in split.TicketRanges)
        {
            var counted = await ResolvedBetween(from, to)
                .GroupBy(t => new { t.AssigneeId, Bucket = t.ResolutionSeconds!.Value / width })
                .Select(g => new { g.Key.AssigneeId, g.Key.Bucket, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counted.ForEach(b => sums.Add((b.AssigneeId!, b.Bucket), b.Count));
        }

        var histogram = sums.Rows.Select(r => new HistogramBucket<string>(r.Key.Assignee, r.Key.Bucket, r.Counts[0])).ToList();
        var medians = await Percentiles.OfAsync(histogram,
            (id, from, to) => resolved.Where(t => t.AssigneeId == id && t.ResolutionSeconds >= from && t.ResolutionSeconds < to).Select(t => t.ResolutionSeconds!.Value),
            [50], cancellationToken, width);
        var ids = openCounts.Select(o => o.Id).Union(medians.Keys).ToArray();
        var names = await scope.Db.Staff.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var rows = new List<object?[]>();
        foreach (var id in ids.OrderBy(id => names.GetValueOrDefault(id, id), StringComparer.CurrentCulture))
        {
            var (count, median) = medians.GetValueOrDefault(id, (0, new long?[1]));
            rows.Add([names.GetValueOrDefault(id, id), openCounts.FirstOrDefault(o => o.Id == id)?.Count ?? 0, count, Percentiles.Hours(median[0])]);
        }

        return new ReportTable(Name, [new("Consultant"), new("Open", true), new("Resolved", true), new("MedianResolutionHours", true, Charted: false)], rows);
    }
}

/// <summary>
/// Classifier accuracy per WIB month of confirmation (the range's months) over the tickets reported in the range: a
/// ticket is judged when it has a confirmation and both a suggested and a confirmed cause, correct when the
/// suggestion equals the confirmation — the accuracy page's definition (<see cref="GetClassifierAccuracyHandler"/>).
/// </summary>
public sealed class AccuracySection : IReportSection
{
    public string Name => "accuracy";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var firstMonth = Tallies.MonthNumber(scope.From);
        var lastMonth = Tallies.MonthNumber(scope.To);
        var split = scope.Split(TallyKind.Accuracy);
        var sums = new Sums<int>(3);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(TallyKind.Accuracy, split)
                .Where(t => t.Number >= firstMonth && t.Number <= lastMonth)
                .GroupBy(t => new { t.Number, t.Key, t.Key2 })
                .Select(g => new { Month = g.Key.Number, Cause = g.Key.Key, Scenario = g.Key.Key2, Count = g.Sum(t => t.Tickets) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add((int)r.Month, r.Count, r.Cause == Tallies.Yes ? r.Count : 0, r.Scenario == Tallies.Yes ? r.Count : 0));
        }

        // Months of confirmation as one number per row: ranges of instants, since SQLite has no calendar parts.
        var starts = Enumerable.Range(firstMonth, lastMonth - firstMonth + 2).Select(m => ReportScope.WibMidnight(Tallies.FirstDayOf(m))).ToList();
        var key = JudgedKey(starts);
        foreach (var (start, end) in split.TicketRanges)
        {
            // The months are bounded in the key, not in WHERE, so SQLite reads the range's tickets by report time
            // rather than every confirmation of the months through the confirmation index.
            var counted = await scope.ReportedBetween(start, end)
                .Where(t => t.ConfirmedAt != null && t.Suggested!.Cause != null && t.Confirmed!.Cause != null)
                .GroupBy(key)
                .Select(g => new { Key = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var row in counted.Where(row => row.Key >= 0))
            {
                var (month, cause, scenario) = (row.Key / 4, (row.Key & 2) != 0, (row.Key & 1) != 0);
                sums.Add(firstMonth + month, row.Count, cause ? row.Count : 0, scenario ? row.Count : 0);
            }
        }

        return new ReportTable(Name,
            [new("Month"), new("Judged", true, Charted: false), new("CauseCorrect", true, Charted: false), new("CauseAccuracy", true),
             new("ScenarioCorrect", true, Charted: false), new("ScenarioAccuracy", true)],
            sums.Rows.OrderBy(r => r.Key).Select(r => new object?[]
            {
                Tallies.FirstDayOf(r.Key).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                r.Counts[0], r.Counts[1], Math.Round(100.0 * r.Counts[1] / r.Counts[0], 2), r.Counts[2], Math.Round(100.0 * r.Counts[2] / r.Counts[0], 2),
            }).ToList(),
            ReportChart.Line);
    }

    /// <summary>
    /// A judged ticket's group as one number: 4 × (index of its month of confirmation among the months that start at
    /// <paramref name="starts"/>, the last entry being the end of the last month) + 2 if the cause was suggested right
    /// + 1 if the scenario was; negative when confirmed outside the months. A CASE over the month boundaries.
    /// </summary>
    private static Expression<Func<Ticket, int>> JudgedKey(IReadOnlyList<DateTimeOffset> starts)
    {
        var ticket = Expression.Parameter(typeof(Ticket), "t");
        var confirmedAt = Expression.Property(ticket, nameof(Ticket.ConfirmedAt));
        Expression Before(int i) => Expression.LessThan(confirmedAt, Expression.Constant((DateTimeOffset?)starts[i], typeof(DateTimeOffset?)));
        Expression month = Expression.Constant(-starts.Count);
        for (var i = starts.Count - 1; i >= 1; i--)
        {
            month = Expression.Condition(Before(i), Expression.Constant(i - 1), month);
        }

        month = Expression.Condition(Before(0), Expression.Constant(-starts.Count), month);

        Expression Same(string property) => Expression.Equal(
            Expression.Property(Expression.Property(ticket, nameof(Ticket.Suggested)), property),
            Expression.Property(Expression.Property(ticket, nameof(Ticket.Confirmed)), property));
        var body = Expression.Add(
            Expression.Multiply(month, Expression.Constant(4)),
            Expression.Add(
                Expression.Condition(Same(nameof(TicketDiagnosis.Cause)), Expression.Constant(2), Expression.Constant(0)),
                Expression.Condition(Same(nameof(TicketDiagnosis.Scenario)), Expression.Constant(1), Expression.Constant(0))));
        return Expression.Lambda<Func<Ticket, int>>(body, ticket);
    }
}

/// <summary>
/// SLA compliance per WIB month (clipped to the range) of each clock's outcome: first responses met and breached by
/// the month answered (<see cref="Ticket.SlaFirstRespondedAt"/>), resolutions met and breached by the month resolved
/// (<see cref="Ticket.SlaResolvedAt"/>, the latest resolution), and the compliance percentage of each. Clocks
/// breached on tickets still open are not an outcome yet and have their own columns, by the month their due
/// instant passed: "first response overdue" (still New) and "open and breached" (resolution due passed, not
/// resolved). Tickets without SLA clocks (logged before SLAs existed) have neither outcome nor due instant and
/// are not counted.
/// </summary>
public sealed class SlaComplianceSection : IReportSection
{
    public string Name => "sla";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var now = scope.Now;

        // Outcomes of whole months from the stored totals (both kinds keep the same filters), the clipped months' from the tickets.
        var split = scope.Split(TallyKind.SlaFirstResponse);
        var stored = new Dictionary<(string Kind, int Month, bool Met), int>();
        if (split.Months is not null)
        {
            foreach (var kind in new[] { TallyKind.SlaFirstResponse, TallyKind.SlaResolution })
            {
                var sums = await scope.StoredTotals(kind, split)
                    .GroupBy(t => new { t.Month, t.Key })
                    .Select(g => new { g.Key.Month, g.Key.Key, Count = g.Sum(t => t.Tickets) })
                    .ToListAsync(cancellationToken);
                sums.ForEach(sum => stored[(kind.Name, sum.Month, sum.Key == Tallies.Yes)] = sum.Count);
            }
        }

        var rows = new List<object?[]>();
        foreach (var (label, start, end) in ReportSections.Months(scope))
        {
            var month = Tallies.MonthNumber(start);
            var whole = split.Months is var (firstWhole, lastWhole) && month >= firstWhole && month <= lastWhole;
            List<(bool? Met, int Count)> first, resolution;
            if (whole)
            {
                first = [(true, stored.GetValueOrDefault((TallyKind.SlaFirstResponse.Name, month, true))), (false, stored.GetValueOrDefault((TallyKind.SlaFirstResponse.Name, month, false)))];
                resolution = [(true, stored.GetValueOrDefault((TallyKind.SlaResolution.Name, month, true))), (false, stored.GetValueOrDefault((TallyKind.SlaResolution.Name, month, false)))];
            }
            else
            {
                first = (await scope.Tickets
                    .Where(t => t.SlaFirstRespondedAt >= start && t.SlaFirstRespondedAt < end && t.SlaFirstResponseMet != null)
                    .GroupBy(t => t.SlaFirstResponseMet)
                    .Select(g => new { Met = g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken)).Select(r => (r.Met, r.Count)).ToList();
                resolution = (await scope.Tickets
                    .Where(t => t.SlaResolvedAt >= start && t.SlaResolvedAt < end && t.SlaResolutionMet != null)
                    .GroupBy(t => t.SlaResolutionMet)
                    .Select(g => new { Met = g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken)).Select(r => (r.Met, r.Count)).ToList();
            }

            var firstOverdue = await scope.Tickets.CountAsync(t => t.Status == TicketStatus.New && t.SlaFirstRespondedAt == null
                && t.SlaFirstResponseDueAt >= start && t.SlaFirstResponseDueAt < end && t.SlaFirstResponseDueAt < now, cancellationToken);
            // Open tickets have no resolution outcome (a reopen clears it), so status and due instant say it all
            // and the (Status, SlaResolutionDueAt) index answers alone.
            var openBreached = await scope.Tickets.CountAsync(t => open.Contains(t.Status)
                && t.SlaResolutionDueAt >= start && t.SlaResolutionDueAt < end && t.SlaResolutionDueAt < now, cancellationToken);
            var (firstMet, firstBreached) = (first.Where(r => r.Met == true).Sum(r => r.Count), first.Where(r => r.Met == false).Sum(r => r.Count));
            var (resolvedMet, resolvedBreached) = (resolution.Where(r => r.Met == true).Sum(r => r.Count), resolution.Where(r => r.Met == false).Sum(r => r.Count));
            rows.Add(
            [
                label, firstMet, firstBreached, ReportSections.Percent(firstMet, firstMet + firstBreached), firstOverdue,
                resolvedMet, resolvedBreached, ReportSections.Percent(resolvedMet, resolvedMet + resolvedBreached), openBreached,
            ]);
        }

        // Nothing with a clock in the range (e.g. only tickets from before SLAs): no rows, the page says so.
        var counted = rows.Any(row => row.OfType<int>().Any(count => count > 0));
        return new ReportTable(Name,
            [
                new("Month"), new("FirstResponseMet", true, Charted: false), new("FirstResponseBreached", true, Charted: false),
                new("FirstResponseCompliance", true), new("FirstResponseOverdue", true, Charted: false),
                new("ResolutionMet", true, Charted: false), new("ResolutionBreached", true, Charted: false),
                new("ResolutionCompliance", true), new("OpenBreached", true, Charted: false),
            ],
            counted ? rows : [],
            ReportChart.Line);
    }
}

/// <summary>
/// KPP visits per WIB month of the visit (clipped to the range) by outcome. A visit still "Scheduled" in a past
/// month has no outcome recorded yet; a rescheduled visit counts as Rescheduled in its month and its replacement
/// in its own. Consultant = the visit's consultant, client = the visit's client, KPP = the office visited;
/// error code and channel are the visit's ticket's.
/// </summary>
public sealed class KppVisitsSection : IReportSection
{
    public static readonly KppVisitOutcome[] Outcomes = Enum.GetValues<KppVisitOutcome>();

    public string Name => "kpp-visits";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var visits = scope.Db.KppVisits.AsNoTracking();
        var filter = scope.Filter;
        if (!string.IsNullOrWhiteSpace(filter.AssigneeId))
        {
            var assignee = filter.AssigneeId;
            visits = visits.Where(v => v.AssigneeId == assignee);
        }

        if (filter.ClientId is { } clientId)
        {
            visits = visits.Where(v => v.ClientId == clientId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kpp))
        {
            var kpp = filter.Kpp.Trim();
            visits = visits.Where(v => v.Kpp == kpp);
        }

        if (!string.IsNullOrWhiteSpace(filter.ErrorCode) || filter.Channel is not null)
        {
            // Only the ticket's own fields: the consultant, client and KPP filters above are the visit's.
            var tickets = scope.Db.Tickets.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(filter.ErrorCode))
            {
                var code = filter.ErrorCode.Trim().ToUpperInvariant();
                tickets = tickets.Where(t => t.ErrorCode == code);
            }

            if (filter.Channel is { } channel)
            {
                tickets = tickets.Where(t => t.Channel == channel);
            }

            // Correlated (each visit looks up its ticket by key), not IN (which would list every ticket of the code per month).
            visits = visits.Where(v => tickets.Any(t => t.Id == v.TicketId));
        }

        var rows = new List<object?[]>();
        foreach (var (label, start, end) in ReportSections.Months(scope))
        {
            var counts = await visits.Where(v => v.At >= start && v.At < end)
                .GroupBy(v => v.Outcome)
                .Select(g => new { Outcome = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            rows.Add(new object?[] { label }
                .Concat(Outcomes.Select(outcome => (object?)counts.Where(c => c.Outcome == outcome).Sum(c => c.Count)))
                .Append(counts.Sum(c => c.Count))
                .ToArray());
        }

        return new ReportTable(Name,
            [new("Month"), .. Outcomes.Select(outcome => new ReportColumn("Visit" + outcome, true)), new("Total", true, Charted: false)],
            rows.Any(row => (int)row[^1]! > 0) ? rows : []);
    }
}

/// <summary>The ten clients with the most tickets reported in the range, with how many are still open.</summary>
public sealed class TopClientsSection : IReportSection
{
    public const int Top = 10;

    public string Name => "top-clients";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var split = scope.Split(TallyKind.Clients);
        var sums = new Sums<Guid>(2);
        if (split.Months is not null)
        {
            var stored = await scope.StoredTotals(TallyKind.Clients, split)
                .GroupBy(t => t.Key)
                .Select(g => new { Client = g.Key, Count = g.Sum(t => t.Tickets), Open = g.Sum(t => t.Open) })
                .ToListAsync(cancellationToken);
            stored.ForEach(r => sums.Add(Guid.Parse(r.Client!), r.Count, r.Open));
        }

        foreach (var (start, end) in split.TicketRanges)
        {
            var counted = await scope.ReportedBetween(start, end)
                .GroupBy(t => t.ClientId)
                .Select(g => new { ClientId = g.Key, Count = g.Count(), Open = g.Count(t => open.Contains(t.Status)) })
                .ToListAsync(cancellationToken);
            counted.ForEach(r => sums.Add(r.ClientId, r.Count, r.Open));
        }

        // Per client counts (grouped rows, one per client at most) added up; ties go by client id.
        var top = sums.Rows.OrderByDescending(r => r.Counts[0]).ThenBy(r => r.Key)
            .Take(Top)
            .Select(r => new { ClientId = r.Key, Count = r.Counts[0], Open = r.Counts[1] })
            .ToList();
        var ids = top.Select(t => t.ClientId).ToArray();
        var clients = await scope.Db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Npwp }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return new ReportTable(Name, [new("Client"), new("Npwp"), new("Tickets", true), new("Open", true)],
            top.Select(t => new object?[] { clients[t.ClientId].Name, Npwp.Format(clients[t.ClientId].Npwp), t.Count, t.Open }).ToList());
    }
}
