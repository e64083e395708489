using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Daily: retrains the learned phrase weights from confirmed tickets. Only sends the command, as the operator.</summary>
public sealed class ClassifierRetrainingJob(IServiceScopeFactory scopes, ILogger<ClassifierRetrainingJob> logger)
{
    [AutomaticRetry(Attempts = 1)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<ClassifierRetrainingJob>(), cancellationToken);
}
