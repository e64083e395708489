using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Hourly: reminds the assignee of tickets waiting on the client too long, and closes those that waited longest.</summary>
public sealed class WaitingOnClientJob(IServiceScopeFactory scopes, ILogger<WaitingOnClientJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<WaitingOnClientJob>(), cancellationToken);
}
