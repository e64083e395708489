using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>
/// What every job does: send its one command as the operator, in its own scope, and log the outcome. A failed
/// result throws after logging, so Hangfire marks the run failed and retries it (the handlers are idempotent).
/// </summary>
internal static class OperatorCommand
{
    public static async Task SendAsync(IServiceScopeFactory scopes, ILogger logger, ScheduledJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var result = await job.SendAsync(scope.ServiceProvider.GetRequiredService<Mediator.ISender>(), cancellationToken);
        if (!result.IsSuccess)
        {
            logger.LogWarning("{Job} failed: {Error}", job.Name, result.Error.Message);
            throw new InvalidOperationException($"{job.Name} failed: {result.Error.Code}");
        }

        logger.LogInformation("{Job}: {Outcome}", job.Name, result.Value);
    }
}
