using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Hourly: refreshes the query statistics of the tables that changed. Only sends the command, as the operator.</summary>
public sealed class QueryStatisticsJob(IServiceScopeFactory scopes, ILogger<QueryStatisticsJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<QueryStatisticsJob>(), cancellationToken);
}
