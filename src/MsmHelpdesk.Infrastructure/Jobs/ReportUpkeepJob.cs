using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Nightly: folds the report totals' change rows and refreshes query statistics. Only sends the command, as the operator.</summary>
public sealed class ReportUpkeepJob(IServiceScopeFactory scopes, ILogger<ReportUpkeepJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<ReportUpkeepJob>(), cancellationToken);
}
