using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>Every key, active ones first; never the key itself nor its hash.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListApiKeysQuery : IQuery<Result<IReadOnlyList<ApiKeySummary>>>;

public sealed record ApiKeySummary(
    Guid Id,
    string Name,
    string Role,
    string Prefix,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

public sealed class ListApiKeysHandler(IAppDbContextFactory databases) : IQueryHandler<ListApiKeysQuery, Result<IReadOnlyList<ApiKeySummary>>>
{
    public async ValueTask<Result<IReadOnlyList<ApiKeySummary>>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null)
            .ThenByDescending(k => k.CreatedAt)
            .Select(k => new { k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt })
            .ToListAsync(cancellationToken);
        var creatorIds = keys.Select(k => k.CreatedBy).Distinct().ToArray();
        var names = await db.Staff.Where(s => creatorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        return keys.Select(k => new ApiKeySummary(
            k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, names.GetValueOrDefault(k.CreatedBy, k.CreatedBy), k.LastUsedAt, k.RevokedAt)).ToArray();
    }
}
