using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Notifications;

/// <summary>The signed-in user's own notifications, newest first, paged in the database.</summary>
[RequiresSignIn]
public sealed record ListMyNotificationsQuery : IQuery<Result<PagedList<NotificationView>>>
{
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 20;
    public bool UnreadOnly { get; set; }
}

/// <summary>One notification as the list shows it; the mail state is for operators and never part of it.</summary>
public sealed record NotificationView(long Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsUnread => ReadAt is null;
}

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1);
        RuleFor(query => query.PageSize).InclusiveBetween(1, 100);
    }
}

public sealed class ListMyNotificationsHandler(IAppDbContextFactory databases, ICurrentUser currentUser)
    : IQueryHandler<ListMyNotificationsQuery, Result<PagedList<NotificationView>>>
{
    public async ValueTask<Result<PagedList<NotificationView>>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = (await currentUser.GetAsync(cancellationToken)).UserId;
        await using var db = await databases.CreateAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (query.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var total = await mine.CountAsync(cancellationToken);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new PagedList<NotificationView>(items, total, query.Page, query.PageSize);
    }
}
