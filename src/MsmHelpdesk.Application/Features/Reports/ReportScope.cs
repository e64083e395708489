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

    /// <summary>Whether the stored totals of <paramref name="kind"/> keep every filter given (the client and KPP filters never are).</summary>
    public bool Answerable(TallyKind kind) => UseTallies
        && (kind.KeepsAssignee || string.IsNullOrWhiteSpace(Filter.AssigneeId)) && Filter.ClientId is null && string.IsNullOrWhiteSpace(Filter.Kpp)
        && (kind.KeepsErrorCode || ErrorCode is null) && (kind.KeepsChannel || Filter.Channel is null);

    /// <summary>
    /// How a section reads the range for <paramref name="kind"/>: the whole WIB months inside it from the month rows
    /// of the stored totals and the days outside whole months from the day rows (with <paramref name="daysOnly"/>,
    /// every day from the day rows), when the totals keep every filter given; otherwise the whole range from the tickets.
    /// </summary>
    public TallySplit Split(TallyKind kind, bool daysOnly = false)
    {
        if (!Answerable(kind))
        {
            return new TallySplit(null, [], [(Start, End)]);
        }

        var first = Tallies.MonthNumber(From) + (From.Day == 1 ? 0 : 1);
        var last = Tallies.MonthNumber(To) - (To.AddDays(1).Day == 1 ? 0 : 1);
        if (daysOnly || first > last)
        {
            return new TallySplit(null, [(From, To)], []);
        }

        var days = new List<(DateOnly, DateOnly)>();
        if (From < Tallies.FirstDayOf(first))
        {
            days.Add((From, Tallies.FirstDayOf(first).AddDays(-1)));
        }

        if (Tallies.FirstDayOf(last + 1) <= To)
        {
            days.Add((Tallies.FirstDayOf(last + 1), To));
        }

        return new TallySplit((first, last), days, []);
    }

    /// <summary>
    /// The stored rows of <paramref name="kind"/> for the split: one query for its whole months' rows and one per run
    /// of days for their day rows (each a range of the sums index), narrowed by the filters the kind keeps.
    /// </summary>
    public IEnumerable<IQueryable<ReportTally>> StoredTotals(TallyKind kind, TallySplit split)
    {
        if (split.Months is var (first, last))
        {
            yield return Narrowed(kind).Where(t => t.Day == 0 && t.Month >= first && t.Month <= last);
        }

        foreach (var (from, to) in split.Days)
        {
            var (firstDay, lastDay) = (from.DayNumber, to.DayNumber);
            yield return Narrowed(kind).Where(t => t.Day >= firstDay && t.Day <= lastDay);
        }
    }

    private IQueryable<ReportTally> Narrowed(TallyKind kind)
    {
        var name = kind.Name;
        var rows = Db.ReportTallies.AsNoTracking().Where(t => t.Kind == name);
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
/// A range split for one kind of stored totals: the whole months read from the month rows, the runs of days read
/// from the day rows, and (only when the totals can't answer) the ranges of instants read from the tickets.
/// </summary>
public sealed record TallySplit(
    (int First, int Last)? Months, IReadOnlyList<(DateOnly First, DateOnly Last)> Days, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> TicketRanges);
