using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Web.Hosting;

public static class HealthChecks
{
    /// <summary>
    /// GET /health answers 200 once the database answers a query: "Healthy", or "Degraded" while the classifier's models are
    /// still being loaded after start-up, or trained when the stored ones are stale (tickets are saved meanwhile; their
    /// suggestion waits for the models).
    /// </summary>
    public static IServiceCollection AddHelpdeskHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<HelpdeskDbContext>(
            "database",
            customTestQuery: async (db, cancellationToken) =>
            {
                await db.SystemFlags.CountAsync(cancellationToken);
                return true;
            })
            .AddCheck("classifier", () => Classifier.ModelsReady
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("the classifier's models are still being loaded"));
        services.AddHostedService<ClassifierWarmUp>();
        return services;
    }
}
