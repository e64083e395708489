using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record RemoveClientContactCommand : ICommand<Result>
{
    public Guid ClientId { get; set; }
    public Guid ContactId { get; set; }
}

public sealed class RemoveClientContactHandler(IAppDbContextFactory databases, TimeProvider clock) : ICommandHandler<RemoveClientContactCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveClientContactCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        client.RemoveContact(command.ContactId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
