using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Users;

[RequiresRole(Roles.Admin)]
public sealed record ListUsersQuery : IQuery<Result<PagedList<UserSummary>>>, IPagedQuery
{
    public string? Search { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 25;
    public UserSort SortBy { get; set; } = UserSort.DisplayName;
    public bool Descending { get; set; }
}

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        Include(new PagingValidator());
        RuleFor(query => query.SortBy).IsInEnum();
    }
}

public sealed class ListUsersHandler(IIdentityService identity) : IQueryHandler<ListUsersQuery, Result<PagedList<UserSummary>>>
{
    public async ValueTask<Result<PagedList<UserSummary>>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        await identity.ListUsersAsync(
            new UserListFilter(query.Search?.Trim(), query.Page, query.PageSize, query.SortBy, query.Descending),
            cancellationToken);
}
