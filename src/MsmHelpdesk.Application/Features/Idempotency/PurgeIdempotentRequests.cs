using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Idempotency;

/// <summary>Forgets Idempotency-Keys older than their 24 hours (the hourly idempotency-cleanup job).</summary>
[RequiresRole(Roles.Admin)]
public sealed record PurgeIdempotentRequestsCommand : ICommand<Result<PurgedIdempotentRequests>>;

public sealed record PurgedIdempotentRequests(int Removed)
{
    public string Describe() => $"{Removed} expired idempotency keys removed";
}

public sealed class PurgeIdempotentRequestsHandler(IAppDbContextFactory databases, TimeProvider clock)
    : ICommandHandler<PurgeIdempotentRequestsCommand, Result<PurgedIdempotentRequests>>
{
    public async ValueTask<Result<PurgedIdempotentRequests>> Handle(PurgeIdempotentRequestsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var removed = await db.IdempotentRequests.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return new PurgedIdempotentRequests(removed);
    }
}
