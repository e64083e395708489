using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Replies;

/// <summary>The canned replies, by channel and name; one channel only when <see cref="Channel"/> is set (the composer's tab).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListCannedRepliesQuery : IQuery<Result<IReadOnlyList<CannedReplyItem>>>
{
    public CannedReplyChannel? Channel { get; set; }
}

public sealed record CannedReplyItem(
    Guid Id, string Name, CannedReplyChannel Channel, string TextIndonesian, string? TextEnglish, DateTimeOffset UpdatedAt, string UpdatedByName, int Version);

public sealed class ListCannedRepliesHandler(IAppDbContextFactory databases)
    : IQueryHandler<ListCannedRepliesQuery, Result<IReadOnlyList<CannedReplyItem>>>
{
    public async ValueTask<Result<IReadOnlyList<CannedReplyItem>>> Handle(ListCannedRepliesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var replies = db.CannedReplies.AsNoTracking();
        if (query.Channel is { } channel)
        {
            replies = replies.Where(r => r.Channel == channel);
        }

        var items = await replies
            .Select(r => new CannedReplyItem(r.Id, r.Name, r.Channel, r.TextIndonesian, r.TextEnglish, r.UpdatedAt, r.UpdatedByName, r.Version))
            .ToListAsync(cancellationToken);
        return items.OrderBy(r => r.Channel).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToArray();
    }
}
