using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Replies;

/// <summary>Removes a canned reply; what it was stays in the audit.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record DeleteCannedReplyCommand : ICommand<Result>
{
    public Guid Id { get; init; }
}

public sealed class DeleteCannedReplyHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteCannedReplyCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteCannedReplyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var reply = await db.CannedReplies.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (reply is null)
        {
            return Error.NotFound("canned-reply-not-found", AppText.CannedReplyNotFound);
        }

        db.CannedReplies.Remove(reply);
        var removed = $"removed: {reply.Name} ({reply.Channel}): {reply.TextIndonesian}";
        db.CannedReplyChanges.Add(CannedReplyChange.Record(await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow(),
            removed.Length <= FieldLimits.NoteMaxLength ? removed : removed[..FieldLimits.NoteMaxLength]));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
