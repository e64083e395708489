using MsmHelpdesk.Application.Features.Reports.Totals;

namespace MsmHelpdesk.Infrastructure.Persistence.ReportTotals;

/// <summary>The stored properties of a totals row in one order, for the paths that insert rows without change tracking.</summary>
internal static class TallyRows
{
    public static readonly string[] Properties =
        ["Kind", "Month", "Day", "ErrorCode", "Channel", "AssigneeId", "Key", "Key2", "Number", "Tickets", "Open", "Confirmed"];

    /// <summary>The row's values in the order of <see cref="Properties"/>, before the model's conversions.</summary>
    public static object?[] ValuesOf(ReportTally row) =>
        [row.Kind, row.Month, row.Day, row.ErrorCode, row.Channel, row.AssigneeId, row.Key, row.Key2, row.Number, row.Tickets, row.Open, row.Confirmed];
}
