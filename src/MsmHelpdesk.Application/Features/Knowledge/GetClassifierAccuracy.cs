using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>
/// How often the suggestion matched what the consultant confirmed: confusion matrices (suggested × confirmed)
/// for cause and scenario, the overall rate, and the rate per month of confirmation (WIB), all counted in SQL.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetClassifierAccuracyQuery : IQuery<Result<ClassifierAccuracy>>
{
    /// <summary>How many months back from the newest confirmation the monthly table covers.</summary>
    public int Months { get; set; } = 12;

    /// <summary>How many weeks back from the newest confirmation the accuracy-over-time chart covers.</summary>
    public int Weeks { get; set; } = 12;
}

public sealed record ConfusionCell(string Suggested, string Confirmed, int Count);

/// <summary>
/// One class of a matrix: how often it was suggested, confirmed, and both. Precision: of the suggestions of this
/// class, the share confirmed; recall: of the confirmations of this class, the share that were suggested.
/// </summary>
public sealed record ClassScore(string Label, int Suggested, int Confirmed, int Correct)
{
    public double? Precision => Suggested == 0 ? null : (double)Correct / Suggested;
    public double? Recall => Confirmed == 0 ? null : (double)Correct / Confirmed;
}

public sealed record MonthlyAccuracy(int Year, int Month, int Tickets, int CauseCorrect, int ScenarioCorrect)
{
    public double CauseAccuracy => Tickets == 0 ? 0 : (double)CauseCorrect / Tickets;
    public double ScenarioAccuracy => Tickets == 0 ? 0 : (double)ScenarioCorrect / Tickets;
}

/// <summary>Confirmations in the week (Monday, WIB) starting <see cref="Week"/> and how many matched the suggestion.</summary>
public sealed record WeeklyAccuracy(DateOnly Week, int Tickets, int CauseCorrect, int ScenarioCorrect)
{
    public double CauseAccuracy => Tickets == 0 ? 0 : (double)CauseCorrect / Tickets;
    public double ScenarioAccuracy => Tickets == 0 ? 0 : (double)ScenarioCorrect / Tickets;
}

public sealed record ClassifierAccuracy(
    int Tickets,
    int CauseCorrect,
    int ScenarioCorrect,
    IReadOnlyList<ConfusionCell> Cause,
    IReadOnlyList<ConfusionCell> Scenario,
    IReadOnlyList<MonthlyAccuracy> Monthly)
{
    public double CauseAccuracy => Tickets == 0 ? 0 : (double)CauseCorrect / Tickets;
    public double ScenarioAccuracy => Tickets == 0 ? 0 : (double)ScenarioCorrect / Tickets;

    /// <summary>Accuracy per week of confirmation, oldest first; weeks without confirmations are left out.</summary>
    public IReadOnlyList<WeeklyAccuracy> Weekly { get; init; } = [];

    /// <summary>Labels seen on either side of a matrix, sorted, for the table's rows and columns.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<ConfusionCell> cells) =>
        cells.SelectMany(c => new[] { c.Suggested, c.Confirmed }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static int CountOf(IReadOnlyList<ConfusionCell> cells, string suggested, string confirmed) =>
        cells.FirstOrDefault(c => c.Suggested == suggested && c.Confirmed == confirmed)?.Count ?? 0;

    /// <summary>Precision and recall per class of a matrix, in the order of <see cref="Labels"/>.</summary>
    public static IReadOnlyList<ClassScore> PerClass(IReadOnlyList<ConfusionCell> cells) =>
        Labels(cells).Select(label => new ClassScore(
            label,
            cells.Where(c => c.Suggested == label).Sum(c => c.Count),
            cells.Where(c => c.Confirmed == label).Sum(c => c.Count),
            CountOf(cells, label, label))).ToList();

    /// <summary>A cell's share of the largest cell (0–1): the heat map's shade.</summary>
    public static double Heat(IReadOnlyList<ConfusionCell> cells, string suggested, string confirmed)
    {
        var max = cells.Count == 0 ? 0 : cells.Max(c => c.Count);
        return max == 0 ? 0 : (double)CountOf(cells, suggested, confirmed) / max;
    }
}

public sealed class GetClassifierAccuracyHandler(IAppDbContextFactory databases) : IQueryHandler<GetClassifierAccuracyQuery, Result<ClassifierAccuracy>>
{
    public async ValueTask<Result<ClassifierAccuracy>> Handle(GetClassifierAccuracyQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var accuracy = await ComputeAsync(db.Tickets.AsNoTracking(), query.Months, cancellationToken);
        return accuracy with { Weekly = await WeeklyAsync(db.Tickets.AsNoTracking(), query.Weeks, cancellationToken) };
    }

    /// <summary>The accuracy of <paramref name="tickets"/>, counted in SQL. The resolution report's accuracy section uses the same definition of "judged" and "correct".</summary>
    public static async Task<ClassifierAccuracy> ComputeAsync(IQueryable<Domain.Tickets.Ticket> tickets, int months, CancellationToken cancellationToken)
    {
        var judged = Judged(tickets);

        var cause = await judged
            .GroupBy(t => new { Suggested = t.SuggestedCause, Confirmed = t.ConfirmedCause })
            .Select(g => new ConfusionCell(g.Key.Suggested, g.Key.Confirmed, g.Count()))
            .ToListAsync(cancellationToken);
        var scenario = await judged
            .GroupBy(t => new { Suggested = t.SuggestedScenario, Confirmed = t.ConfirmedScenario })
            .Select(g => new ConfusionCell(g.Key.Suggested, g.Key.Confirmed, g.Count()))
            .ToListAsync(cancellationToken);

        var monthly = new List<MonthlyAccuracy>();
        var newest = await judged.MaxAsync(t => (DateTimeOffset?)t.ConfirmedAt, cancellationToken);
        if (newest is { } last)
        {
            // SQLite keeps instants as UTC ticks, so calendar parts are not available in SQL; each WIB month
            // is a range instead, counted by one aggregate query (a constant key groups the whole range).
            var end = Wib.ToWib(last);
            var month = new DateTimeOffset(end.Year, end.Month, 1, 0, 0, 0, Wib.Offset);
            for (var i = 0; i < Math.Clamp(months, 1, 36); i++, month = month.AddMonths(-1))
            {
                var (from, to) = (month, month.AddMonths(1));
                var rows = await judged
                    .Where(t => t.ConfirmedAt >= from && t.ConfirmedAt < to)
                    .GroupBy(t => new { Cause = t.SuggestedCause == t.ConfirmedCause, Scenario = t.SuggestedScenario == t.ConfirmedScenario })
                    .Select(g => new { g.Key.Cause, g.Key.Scenario, Count = g.Count() })
                    .ToListAsync(cancellationToken);
                if (rows.Count > 0)
                {
                    monthly.Add(new MonthlyAccuracy(
                        month.Year,
                        month.Month,
                        rows.Sum(r => r.Count),
                        rows.Where(r => r.Cause).Sum(r => r.Count),
                        rows.Where(r => r.Scenario).Sum(r => r.Count)));
                }
            }

            monthly.Reverse();
        }

        return new ClassifierAccuracy(
            cause.Sum(c => c.Count),
            cause.Where(c => c.Suggested == c.Confirmed).Sum(c => c.Count),
            scenario.Where(c => c.Suggested == c.Confirmed).Sum(c => c.Count),
            cause,
            scenario,
            monthly);
    }

    /// <summary>Per week of confirmation (WIB), up to the newest one: one query grouped by a week index computed in SQL.</summary>
    public static async Task<IReadOnlyList<WeeklyAccuracy>> WeeklyAsync(IQueryable<Domain.Tickets.Ticket> tickets, int weeks, CancellationToken cancellationToken)
    {
        var judged = Judged(tickets);
        var newest = await judged.MaxAsync(t => (DateTimeOffset?)t.ConfirmedAt, cancellationToken);
        if (newest is not { } last)
        {
            return [];
        }

        var day = DateOnly.FromDateTime(Wib.ToWib(last).DateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var count = Math.Clamp(weeks, 1, 104);
        var starts = Enumerable.Range(0, count + 1).Select(i => monday.AddDays(7 * (i - count + 1))).ToArray();
        var bounds = starts.Select(Common.InstantBuckets.WibMidnight).ToArray();
        var rows = await judged
            .GroupBy(WeekKey(bounds))
            .Select(g => new { g.Key.Week, g.Key.Cause, g.Key.Scenario, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Week >= 0).GroupBy(r => r.Week).OrderBy(g => g.Key)
            .Select(g => new WeeklyAccuracy(
                starts[g.Key],
                g.Sum(r => r.Count),
                g.Where(r => r.Cause).Sum(r => r.Count),
                g.Where(r => r.Scenario).Sum(r => r.Count)))
            .ToArray();
    }

    /// <summary>
    /// The week's index and whether cause and scenario matched, as one grouping key. EF cannot translate a counting
    /// predicate over the owned diagnosis columns inside a group, so matches are part of the key (as in the monthly
    /// counts) and SQL returns at most four rows per week.
    /// </summary>
    private static Expression<Func<Pair, WeekJudgement>> WeekKey(IReadOnlyList<DateTimeOffset> bounds)
    {
        var week = Common.InstantBuckets.Index<Pair>(p => p.ConfirmedAt, bounds);
        var pair = week.Parameters[0];
        Expression Same(string suggested, string confirmed) => Expression.Equal(Expression.Property(pair, suggested), Expression.Property(pair, confirmed));
        return Expression.Lambda<Func<Pair, WeekJudgement>>(
            Expression.MemberInit(
                Expression.New(typeof(WeekJudgement)),
                Expression.Bind(typeof(WeekJudgement).GetProperty(nameof(WeekJudgement.Week))!, week.Body),
                Expression.Bind(typeof(WeekJudgement).GetProperty(nameof(WeekJudgement.Cause))!, Same(nameof(Pair.SuggestedCause), nameof(Pair.ConfirmedCause))),
                Expression.Bind(typeof(WeekJudgement).GetProperty(nameof(WeekJudgement.Scenario))!, Same(nameof(Pair.SuggestedScenario), nameof(Pair.ConfirmedScenario)))),
            pair);
    }

    /// <summary>Judged tickets (suggested and confirmed cause both known), flattened.</summary>
    private static IQueryable<Pair> Judged(IQueryable<Domain.Tickets.Ticket> tickets) => tickets
        .Where(t => t.ConfirmedAt != null)
        .Select(t => new Pair
        {
            SuggestedCause = t.Suggested!.Cause,
            ConfirmedCause = t.Confirmed!.Cause,
            SuggestedScenario = t.Suggested.Scenario,
            ConfirmedScenario = t.Confirmed.Scenario,
            ConfirmedAt = t.ConfirmedAt!.Value,
        })
        .Where(p => p.SuggestedCause != null && p.ConfirmedCause != null);

    /// <summary>A judged ticket flattened, so EF can group by plain columns rather than owned navigations.</summary>
    private sealed class Pair
    {
        public string SuggestedCause { get; init; } = "";
        public string ConfirmedCause { get; init; } = "";
        public string SuggestedScenario { get; init; } = "";
        public string ConfirmedScenario { get; init; } = "";
        public DateTimeOffset ConfirmedAt { get; init; }
    }

    private sealed class WeekJudgement
    {
        public int Week { get; init; }
        public bool Cause { get; init; }
        public bool Scenario { get; init; }
    }
}
