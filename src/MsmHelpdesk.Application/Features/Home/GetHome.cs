using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Home;

/// <summary>The role-specific home page: a consultant's own open work, the team and backlog for managers.</summary>
[RequiresSignIn]
public sealed record GetHomeQuery : IQuery<Result<HomeView>>;

public sealed record HomeView(
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset Now,
    int MyOpenTickets,
    BacklogOverview? Backlog,
    TeamOverview? Team);

/// <summary>Open tickets per status and how many nobody has taken; shown to Managers and Admins.</summary>
public sealed record BacklogOverview(IReadOnlyDictionary<TicketStatus, int> OpenByStatus, int Unassigned);

/// <summary>Active users per role; shown to Managers and Admins.</summary>
public sealed record TeamOverview(int Consultants, int Managers, int Admins);

public sealed class GetHomeHandler(ICurrentUser currentUser, IIdentityService identity, IAppDbContextFactory databases, TimeProvider clock)
    : IQueryHandler<GetHomeQuery, Result<HomeView>>
{
    public async ValueTask<Result<HomeView>> Handle(GetHomeQuery query, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        var open = TicketWorkflow.Open.ToArray();
        await using var db = await databases.CreateAsync(cancellationToken);
        var mine = await db.Tickets.CountAsync(t => t.AssigneeId == user.UserId && open.Contains(t.Status), cancellationToken);

        TeamOverview? team = null;
        BacklogOverview? backlog = null;
        if (user.IsInAnyRole([Domain.Users.Roles.Manager, Domain.Users.Roles.Admin]))
        {
            var counts = await identity.CountActiveUsersByRoleAsync(cancellationToken);
            team = new TeamOverview(
                counts.GetValueOrDefault(Domain.Users.Roles.Consultant),
                counts.GetValueOrDefault(Domain.Users.Roles.Manager),
                counts.GetValueOrDefault(Domain.Users.Roles.Admin));
            var byStatus = await db.Tickets
                .Where(t => open.Contains(t.Status))
                .GroupBy(t => t.Status)
                .Select(group => new { Status = group.Key, Count = group.Count() })
                .ToListAsync(cancellationToken);
            var unassigned = await db.Tickets.CountAsync(t => t.AssigneeId == null && open.Contains(t.Status), cancellationToken);
            backlog = new BacklogOverview(open.ToDictionary(status => status, status => byStatus.FirstOrDefault(row => row.Status == status)?.Count ?? 0), unassigned);
        }

        var roles = Domain.Users.Roles.All.Where(user.Roles.Contains).ToArray();
        return new HomeView(user.DisplayName ?? "", roles, clock.GetUtcNow(), mine, backlog, team);
    }
}
