using System.Linq.Expressions;

namespace MsmHelpdesk.Application.Common;

/// <summary>
/// Which of several consecutive ranges an instant falls in, as an expression EF turns into a SQL CASE. SQLite keeps
/// instants as UTC ticks (no calendar functions), so days and weeks are ranges, and one GROUP BY over this index
/// counts all of them in a single query.
/// </summary>
public static class InstantBuckets
{
    /// <summary>
    /// 0 for [bounds[0], bounds[1]), 1 for [bounds[1], bounds[2]) … and -1 outside [bounds[0], bounds[^1]).
    /// Bounds must be ascending.
    /// </summary>
    public static Expression<Func<T, int>> Index<T>(Expression<Func<T, DateTimeOffset?>> instant, IReadOnlyList<DateTimeOffset> bounds)
    {
        if (bounds.Count < 2)
        {
            throw new ArgumentException("At least two bounds make one bucket.", nameof(bounds));
        }

        var value = instant.Body;
        Expression body = Expression.Constant(-1);
        for (var i = bounds.Count - 2; i >= 0; i--)
        {
            var upper = Expression.LessThan(value, Expression.Constant((DateTimeOffset?)bounds[i + 1], typeof(DateTimeOffset?)));
            body = Expression.Condition(upper, Expression.Constant(i), body);
        }

        var below = Expression.LessThan(value, Expression.Constant((DateTimeOffset?)bounds[0], typeof(DateTimeOffset?)));
        body = Expression.Condition(Expression.OrElse(Expression.Equal(value, Expression.Constant(null, typeof(DateTimeOffset?))), below), Expression.Constant(-1), body);
        return Expression.Lambda<Func<T, int>>(body, instant.Parameters);
    }

    /// <summary>The UTC instant at which a WIB calendar day starts.</summary>
    public static DateTimeOffset WibMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Time.Wib.Offset).ToUniversalTime();
}
