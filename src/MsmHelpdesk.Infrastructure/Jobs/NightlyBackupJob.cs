using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Nightly: archives the embedded database and its attachments. Only sends the command, as the operator.</summary>
public sealed class NightlyBackupJob(IServiceScopeFactory scopes, ILogger<NightlyBackupJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<NightlyBackupJob>(), cancellationToken);
}
