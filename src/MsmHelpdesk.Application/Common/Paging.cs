namespace MsmHelpdesk.Application.Common;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);
