using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Every minute: sends the e-mails of recorded notifications that are due (new ones and retries after backoff).</summary>
public sealed class MailDeliveryJob(IServiceScopeFactory scopes, ILogger<MailDeliveryJob> logger)
{
    // Retries live in our table (attempts, next attempt), not in Hangfire: a failed run is simply the next minute's run.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<MailDeliveryJob>(), cancellationToken);
}
