using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Idempotency;

/// <summary>The live record of an Idempotency-Key in its scope, or null when the key is new (or expired).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetIdempotentRequestQuery : IQuery<Result<IdempotentRequestView?>>
{
    public string Scope { get; init; } = "";

    public string Key { get; init; } = "";
}

public sealed record IdempotentRequestView(string RequestHash, Guid ResourceId, string ResourceNumber, int? StatusCode, string? ResponseBody, string? Location);

public sealed class GetIdempotentRequestHandler(IAppDbContextFactory databases, TimeProvider clock)
    : IQueryHandler<GetIdempotentRequestQuery, Result<IdempotentRequestView?>>
{
    public async ValueTask<Result<IdempotentRequestView?>> Handle(GetIdempotentRequestQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var found = await db.IdempotentRequests.AsNoTracking()
            .Where(r => r.Scope == query.Scope && r.Key == query.Key && r.ExpiresAt > now)
            .Select(r => new IdempotentRequestView(r.RequestHash, r.ResourceId, r.ResourceNumber, r.StatusCode, r.ResponseBody, r.Location))
            .SingleOrDefaultAsync(cancellationToken);
        return Result.Success(found);
    }
}
