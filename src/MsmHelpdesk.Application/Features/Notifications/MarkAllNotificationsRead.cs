using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Notifications;

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
