using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Views;

/// <summary>Deletes one of the sender's views. Another user's view is "not found": its existence is not confirmed.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record DeleteTicketViewCommand : ICommand<Result>
{
    public Guid ViewId { get; set; }
}

public sealed class DeleteTicketViewHandler(IAppDbContextFactory databases, ICurrentUser currentUser) : ICommandHandler<DeleteTicketViewCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteTicketViewCommand command, CancellationToken cancellationToken)
    {
        var owner = (await currentUser.GetAsync(cancellationToken)).UserId;
        await using var db = await databases.CreateAsync(cancellationToken);
        var deleted = await db.SavedViews.Where(v => v.Id == command.ViewId && v.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Error.NotFound("view-not-found", DeskText.ViewNotFound) : Result.Success();
    }
}
