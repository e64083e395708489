using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// Classifier accuracy per WIB month of confirmation (the range's months) over the tickets reported in the range: a
/// ticket is judged when it has a confirmation and both a suggested and a confirmed cause, correct when the
/// suggestion equals the confirmation — the accuracy page's definition (<see cref="GetClassifierAccuracyQuery"/>).
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
        foreach (var tallies in scope.StoredTotals(TallyKind.Accuracy, split))
        {
            var stored = await tallies
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
