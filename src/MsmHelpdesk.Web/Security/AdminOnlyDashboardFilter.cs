using Hangfire.Dashboard;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Web.Security;

/// <summary>Second lock on /jobs behind the endpoint's Admin policy: Hangfire itself also refuses non-Admins.</summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
