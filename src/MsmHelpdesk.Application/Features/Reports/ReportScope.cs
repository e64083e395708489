using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Reports;

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
