namespace MsmHelpdesk.Application.Common;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    /// <summary>True when more rows match than were counted: TotalCount is then a lower bound.</summary>
    public bool TotalCountIsCapped { get; init; }
}
