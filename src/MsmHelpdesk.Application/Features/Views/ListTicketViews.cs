using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Views;

/// <summary>The sender's own saved views, by name; nobody sees another user's views.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListTicketViewsQuery : IQuery<Result<IReadOnlyList<TicketViewItem>>>;

public sealed record TicketViewItem(Guid Id, string Name, TicketViewFilters Filters);

public sealed class ListTicketViewsHandler(IAppDbContextFactory databases, ICurrentUser currentUser)
    : IQueryHandler<ListTicketViewsQuery, Result<IReadOnlyList<TicketViewItem>>>
{
    public async ValueTask<Result<IReadOnlyList<TicketViewItem>>> Handle(ListTicketViewsQuery query, CancellationToken cancellationToken)
    {
        var owner = (await currentUser.GetAsync(cancellationToken)).UserId;
        await using var db = await databases.CreateAsync(cancellationToken);
        var views = await db.SavedViews.AsNoTracking().Where(v => v.OwnerId == owner)
            .Select(v => new { v.Id, v.Name, v.Filters }).ToListAsync(cancellationToken);
        return views.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(v => new TicketViewItem(v.Id, v.Name, TicketViewFilters.FromJson(v.Filters))).ToArray();
    }
}
