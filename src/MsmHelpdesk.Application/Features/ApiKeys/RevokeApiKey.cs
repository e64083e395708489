using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>
/// Refuses the key from the next request on (on another node once its cache entry runs out, decision 0165); the row stays
/// for the record. Revoking twice is harmless.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record RevokeApiKeyCommand : ICommand<Result>
{
    public Guid Id { get; set; }
}

public sealed class RevokeApiKeyHandler(IAppDbContextFactory databases, ApiKeyCache cache, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken);
        if (key is null)
        {
            return Error.NotFound("api-key-not-found", AppText.ApiKeyNotFound);
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.Id);
        return Result.Success();
    }
}
