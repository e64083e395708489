using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Notifications;

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
