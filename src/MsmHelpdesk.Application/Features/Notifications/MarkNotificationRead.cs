using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Notifications;

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
