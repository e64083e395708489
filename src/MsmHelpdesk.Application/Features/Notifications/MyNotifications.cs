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

/// <summary>How many of the signed-in user's notifications are unread (the bell's badge); one indexed count.</summary>
[RequiresSignIn]
public sealed record CountMyUnreadNotificationsQuery : IQuery<Result<int>>;

public sealed class CountMyUnreadNotificationsValidator : AbstractValidator<CountMyUnreadNotificationsQuery>;

public sealed class CountMyUnreadNotificationsHandler(IAppDbContextFactory databases, ICurrentUser currentUser)
    : IQueryHandler<CountMyUnreadNotificationsQuery, Result<int>>
{
    public async ValueTask<Result<int>> Handle(CountMyUnreadNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = (await currentUser.GetAsync(cancellationToken)).UserId;
        await using var db = await databases.CreateAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }
}

/// <summary>Marks one of the sender's own notifications read; someone else's is "not found", never touched.</summary>
[RequiresSignIn]
public sealed record MarkNotificationReadCommand : ICommand<Result>
{
    public long NotificationId { get; set; }
}

public sealed class MarkNotificationReadValidator : AbstractValidator<MarkNotificationReadCommand>;

public sealed class MarkNotificationReadHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkNotificationReadCommand, Result>
{
    public async ValueTask<Result> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var userId = (await currentUser.GetAsync(cancellationToken)).UserId;
        await using var db = await databases.CreateAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return Error.NotFound("notification-not-found", AppText.NotificationNotFound);
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>Marks every unread notification of the sender read, in one UPDATE; returns how many.</summary>
[RequiresSignIn]
public sealed record MarkAllNotificationsReadCommand : ICommand<Result<int>>;

public sealed class MarkAllNotificationsReadValidator : AbstractValidator<MarkAllNotificationsReadCommand>;

public sealed class MarkAllNotificationsReadHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MarkAllNotificationsReadCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(MarkAllNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var userId = (await currentUser.GetAsync(cancellationToken)).UserId;
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateAsync(cancellationToken);
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
