using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Home;

/// <summary>The role-specific home page. Later features add the consultant's open tickets and the manager's backlog.</summary>
[RequiresSignIn]
public sealed record GetHomeQuery : IQuery<Result<HomeView>>;

public sealed record HomeView(string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset Now, TeamOverview? Team);

/// <summary>Active users per role; shown to Managers and Admins.</summary>
public sealed record TeamOverview(int Consultants, int Managers, int Admins);

public sealed class GetHomeHandler(ICurrentUser currentUser, IIdentityService identity, TimeProvider clock)
    : IQueryHandler<GetHomeQuery, Result<HomeView>>
{
    public async ValueTask<Result<HomeView>> Handle(GetHomeQuery query, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        TeamOverview? team = null;
        if (user.IsInAnyRole([Roles.Manager, Roles.Admin]))
        {
            var counts = await identity.CountActiveUsersByRoleAsync(cancellationToken);
            team = new TeamOverview(
                counts.GetValueOrDefault(Roles.Consultant),
                counts.GetValueOrDefault(Roles.Manager),
                counts.GetValueOrDefault(Roles.Admin));
        }

        var roles = Roles.All.Where(user.Roles.Contains).ToArray();
        return new HomeView(user.DisplayName ?? "", roles, clock.GetUtcNow(), team);
    }
}
