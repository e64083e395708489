using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Hourly: forgets Idempotency-Keys past their 24 hours. Only sends the command, as the operator.</summary>
public sealed class IdempotencyCleanupJob(IServiceScopeFactory scopes, ILogger<IdempotencyCleanupJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<IdempotencyCleanupJob>(), cancellationToken);
}
