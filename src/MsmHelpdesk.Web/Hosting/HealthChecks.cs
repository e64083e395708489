using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Web.Hosting;

public static class HealthChecks
{
    /// <summary>GET /health answers 200 once the database answers a query.</summary>
    public static IServiceCollection AddHelpdeskHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<HelpdeskDbContext>(
            "database",
            customTestQuery: async (db, cancellationToken) =>
            {
                await db.SystemFlags.CountAsync(cancellationToken);
                return true;
            });
        return services;
    }
}
