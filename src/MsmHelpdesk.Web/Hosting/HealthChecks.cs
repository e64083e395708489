using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Web.Hosting;

public static class HealthChecks
{
    /// <summary>
    /// GET /health answers 200 once the database answers a query: "Healthy", or "Degraded" while the classifier's models are
    /// still being trained after start-up (tickets are saved meanwhile; their suggestion waits for the training).
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
            .AddCheck("classifier", () => Classifier.ModelsTrained
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("the classifier's models are still being trained"));
        services.AddHostedService<ClassifierWarmUp>();
        return services;
    }
}

/// <summary>Starts the classifier's training when the host starts, without holding the start-up back.</summary>
internal sealed class ClassifierWarmUp(ILogger<ClassifierWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Classifier.WarmUpAsync().ContinueWith(
            training => logger.LogError(training.Exception, "Training the classifier's models failed"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
