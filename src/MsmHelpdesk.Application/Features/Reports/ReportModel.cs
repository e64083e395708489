using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// What a report covers. Dates are WIB calendar days, both ends included; without them the last
/// <see cref="DefaultDays"/> days up to today. The other fields narrow the tickets counted.
/// </summary>
public sealed record ReportFilter
{
    public const int DefaultDays = 90;

    /// <summary>The longest range one report covers (the weekly section has one row per week).</summary>
    public const int MaxDays = 3 * 366;

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The consultant the tickets are assigned to (a user id).</summary>
    public string? AssigneeId { get; set; }
    public Guid? ClientId { get; set; }

    /// <summary>The client's KPP, exactly as stored on the client.</summary>
    public string? Kpp { get; set; }
    public string? ErrorCode { get; set; }
    public TicketChannel? Channel { get; set; }

    /// <summary>The first and last day covered, with the defaults filled in.</summary>
    public (DateOnly From, DateOnly To) Days(DateOnly today)
    {
        var to = To ?? today;
        return (From ?? to.AddDays(-(DefaultDays - 1)), to);
    }
}

public sealed class ReportFilterValidator : AbstractValidator<ReportFilter>
{
    public ReportFilterValidator()
    {
        RuleFor(filter => filter.To).Must((filter, to) => to is null || filter.From is null || to >= filter.From)
            .WithMessage(_ => AppText.Get("ReportDateOrder"));
        RuleFor(filter => filter.From).Must((filter, from) => from is null || filter.To is null || filter.To.Value.DayNumber - from.Value.DayNumber < ReportFilter.MaxDays)
            .WithMessage(_ => AppText.Get("ReportRangeTooLong"));
        RuleFor(filter => filter.ErrorCode).MaximumLength(32).WithMessage(_ => AppText.MaxLength(32));
        RuleFor(filter => filter.Kpp).MaximumLength(Common.Validation.FieldLimits.KppMaxLength).WithMessage(_ => AppText.MaxLength(Common.Validation.FieldLimits.KppMaxLength));
        RuleFor(filter => filter.AssigneeId).MaximumLength(450).WithMessage(_ => AppText.MaxLength(450));
        RuleFor(filter => filter.Channel).IsInEnum();
    }
}

/// <summary>How a table is drawn beside its numbers: bars per row, a line over time, or numbers only.</summary>
public enum ReportChart
{
    None,
    Bar,
    Line,
}

/// <summary>
/// A column: its key (header text is <c>AppText</c> "ReportColumn{Key}"), whether it holds numbers, and whether the
/// chart draws it (a chart shows one unit: counts or hours, not both).
/// </summary>
public sealed record ReportColumn(string Key, bool Numeric = false, bool Charted = true)
{
    public bool InChart => Numeric && Charted;

    public string Header => AppText.Get("ReportColumn" + Key);
}

/// <summary>
/// One section's numbers: the single shape the dashboard, the CSV/XLSX exports, the CLI and the weekly
/// digest all read. Values are strings, ints, doubles (hours, rounded to 2 decimals), DateOnly or null.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows, ReportChart Chart = ReportChart.Bar)
{
    /// <summary>The section title (AppText "ReportTitle{PascalName}").</summary>
    public string Title => AppText.Get("ReportTitle" + Pascal(Name));

    /// <summary>What the numbers mean, in one sentence (AppText "ReportNote{PascalName}").</summary>
    public string Note => AppText.Get("ReportNote" + Pascal(Name));

    /// <summary>A value as text, invariant (dates yyyy-MM-dd, decimals with a point): CSV, CLI and digest.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Pascal(string name) =>
        string.Concat(name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}

/// <summary>Everything a section needs: the tickets after the filter, the range as instants, and the time now.</summary>
public sealed class ReportScope
{
    public required IAppDbContext Db { get; init; }

    public required ReportFilter Filter { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>WIB midnight starting <see cref="From"/>.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>WIB midnight after <see cref="To"/> (exclusive).</summary>
    public required DateTimeOffset End { get; init; }

    public required DateTimeOffset Now { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Wib.ToWib(Now).DateTime);

    /// <summary>Tickets matching every filter except the dates (consultant, client, KPP, error code, channel).</summary>
    public required IQueryable<Ticket> Tickets { get; init; }

    /// <summary>Tickets reported (WIB) within the range and matching every other filter.</summary>
    public IQueryable<Ticket> Reported => Tickets.Where(t => t.ReportedAt >= Start && t.ReportedAt < End);

    public static DateTimeOffset WibMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Wib.Offset);

    /// <summary>When false every section reads the tickets alone, never the stored totals (tests compare the two).</summary>
    public bool UseTallies { get; init; } = true;

    /// <summary>The error-code filter as stored on tickets (trimmed, upper case), or null.</summary>
    public string? ErrorCode => string.IsNullOrWhiteSpace(Filter.ErrorCode) ? null : Filter.ErrorCode.Trim().ToUpperInvariant();

    /// <summary>Tickets reported (WIB) in [start, end) and matching every other filter.</summary>
    public IQueryable<Ticket> ReportedBetween(DateTimeOffset start, DateTimeOffset end) => Tickets.Where(t => t.ReportedAt >= start && t.ReportedAt < end);

    /// <summary>
    /// How a section reads the range for <paramref name="kind"/>: the whole WIB months inside it from the stored totals,
    /// when they keep every filter given, and the days outside whole months from the tickets. Without usable totals
    /// the whole range is read from the tickets.
    /// </summary>
    public TallySplit Split(TallyKind kind)
    {
        var answerable = UseTallies
            && (kind.KeepsAssignee || string.IsNullOrWhiteSpace(Filter.AssigneeId)) && Filter.ClientId is null && string.IsNullOrWhiteSpace(Filter.Kpp)
            && (kind.KeepsErrorCode || ErrorCode is null) && (kind.KeepsChannel || Filter.Channel is null);
        var first = Tallies.MonthNumber(From) + (From.Day == 1 ? 0 : 1);
        var last = Tallies.MonthNumber(To) - (To.AddDays(1).Day == 1 ? 0 : 1);
        if (!answerable || first > last)
        {
            return new TallySplit(null, [(Start, End)]);
        }

        var ranges = new List<(DateTimeOffset, DateTimeOffset)>();
        var monthsStart = WibMidnight(Tallies.FirstDayOf(first));
        var monthsEnd = WibMidnight(Tallies.FirstDayOf(last + 1));
        if (Start < monthsStart)
        {
            ranges.Add((Start, monthsStart));
        }

        if (monthsEnd < End)
        {
            ranges.Add((monthsEnd, End));
        }

        return new TallySplit((first, last), ranges);
    }

    /// <summary>The stored rows of <paramref name="kind"/> for the split's months, narrowed by the filters the kind keeps.</summary>
    public IQueryable<ReportTally> StoredTotals(TallyKind kind, TallySplit split)
    {
        var (first, last) = split.Months ?? throw new InvalidOperationException("The split has no whole months.");
        var rows = Db.ReportTallies.AsNoTracking().Where(t => t.Kind == kind.Name && t.Month >= first && t.Month <= last);
        if (ErrorCode is { } code)
        {
            rows = rows.Where(t => t.ErrorCode == code);
        }

        if (Filter.Channel is { } channel)
        {
            rows = rows.Where(t => t.Channel == channel);
        }

        if (kind.KeepsAssignee && !string.IsNullOrWhiteSpace(Filter.AssigneeId))
        {
            var assignee = Filter.AssigneeId;
            rows = rows.Where(t => t.AssigneeId == assignee);
        }

        return rows;
    }

    public static ReportScope Create(IAppDbContext db, ReportFilter filter, DateTimeOffset now, bool useTallies = true)
    {
        var today = DateOnly.FromDateTime(Wib.ToWib(now).DateTime);
        var (from, to) = filter.Days(today);
        return new ReportScope
        {
            Db = db,
            Filter = filter,
            From = from,
            To = to,
            Start = WibMidnight(from),
            End = WibMidnight(to.AddDays(1)),
            Now = now,
            Tickets = Apply(db, filter),
            UseTallies = useTallies,
        };
    }

    private static IQueryable<Ticket> Apply(IAppDbContext db, ReportFilter filter)
    {
        var tickets = db.Tickets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.AssigneeId))
        {
            var assignee = filter.AssigneeId;
            tickets = tickets.Where(t => t.AssigneeId == assignee);
        }

        if (filter.ClientId is { } clientId)
        {
            tickets = tickets.Where(t => t.ClientId == clientId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kpp))
        {
            var kpp = filter.Kpp.Trim();
            var clients = db.Clients.Where(c => c.Kpp == kpp).Select(c => c.Id);
            tickets = tickets.Where(t => clients.Contains(t.ClientId));
        }

        if (!string.IsNullOrWhiteSpace(filter.ErrorCode))
        {
            var code = filter.ErrorCode.Trim().ToUpperInvariant();
            tickets = tickets.Where(t => t.ErrorCode == code);
        }

        if (filter.Channel is { } channel)
        {
            tickets = tickets.Where(t => t.Channel == channel);
        }

        return tickets;
    }
}

/// <summary>
/// A range split for one kind of stored totals: the whole months read from the totals (none when they can't
/// answer) and the ranges of instants read from the tickets.
/// </summary>
public sealed record TallySplit((int First, int Last)? Months, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> TicketRanges);

/// <summary>
/// Counts per key added up from stored totals and ticket queries (grouped rows, never tickets). A key whose counts
/// add up to nothing (every ticket of it since deleted or moved) is left out.
/// </summary>
public sealed class Sums<TKey>(int width)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int[]> _sums = [];

    public void Add(TKey key, params int[] counts)
    {
        if (!_sums.TryGetValue(key, out var sum))
        {
            _sums[key] = sum = new int[width];
        }

        for (var i = 0; i < width; i++)
        {
            sum[i] += counts[i];
        }
    }

    public IEnumerable<(TKey Key, int[] Counts)> Rows => _sums.Where(s => s.Value.Any(c => c != 0)).Select(s => (s.Key, s.Value));
}

/// <summary>How many values fall in one bucket of a group's histogram (bucket b holds [b·width, (b+1)·width)).</summary>
public sealed record HistogramBucket<TKey>(TKey Key, long Bucket, int Count);

/// <summary>
/// Nearest-rank percentiles computed in the database: the value at rank ⌈p·n/100⌉ of a group's n values sorted
/// ascending. Two steps, neither of which reads the values: one GROUP BY counts each group's values per bucket
/// of <see cref="BucketSeconds"/> (the caller's query), which gives n and the bucket holding each rank; then per
/// group and percentile one ORDER BY … OFFSET inside that bucket, over an index that starts with the group and
/// the value, returns the single value at the rank. Exact, whatever the bucket width.
/// </summary>
public static class Percentiles
{
    public const long BucketSeconds = 600;

    /// <summary>
    /// The workload's buckets (one hour): coarser buckets keep its stored totals few (one consultant's median needs
    /// no finer map); the seek inside a bucket reads one consultant's values only.
    /// </summary>
    public const long WorkloadBucketSeconds = 3600;

    /// <summary>The rank (1-based) of the <paramref name="percent"/>th percentile of <paramref name="count"/> values; 0 when there are none.</summary>
    public static int Rank(int count, int percent) => count == 0 ? 0 : Math.Max(1, (int)(((long)percent * count + 99) / 100));

    /// <summary>
    /// Per group of <paramref name="histogram"/>: its count and the value at each of <paramref name="percents"/>.
    /// <paramref name="valuesBetween"/> gives a group's values in [from, to) (the same filter as the histogram).
    /// </summary>
    public static async Task<Dictionary<TKey, (int Count, long?[] Values)>> OfAsync<TKey>(
        IReadOnlyList<HistogramBucket<TKey>> histogram,
        Func<TKey, long, long, IQueryable<long>> valuesBetween,
        int[] percents,
        CancellationToken cancellationToken,
        long bucketSeconds = BucketSeconds)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, (int, long?[])>();
        foreach (var group in histogram.GroupBy(b => b.Key))
        {
            var buckets = group.OrderBy(b => b.Bucket).ToList();
            var count = buckets.Sum(b => b.Count);
            var values = new long?[percents.Length];
            for (var p = 0; p < percents.Length; p++)
            {
                var rank = Rank(count, percents[p]);
                var before = 0;
                foreach (var bucket in buckets)
                {
                    if (before + bucket.Count >= rank)
                    {
                        var (from, to) = (bucket.Bucket * bucketSeconds, (bucket.Bucket + 1) * bucketSeconds);
                        values[p] = await valuesBetween(group.Key, from, to).OrderBy(v => v).Skip(rank - before - 1)
                            .Select(v => (long?)v).FirstOrDefaultAsync(cancellationToken);
                        break;
                    }

                    before += bucket.Count;
                }
            }

            result[group.Key] = (count, values);
        }

        return result;
    }

    public static double? Hours(long? seconds) => seconds is { } s ? Math.Round(s / 3600.0, 2) : null;
}
