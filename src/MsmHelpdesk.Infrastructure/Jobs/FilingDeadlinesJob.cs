using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Daily: raises open tickets whose problem blocks a filing due within 3 working days to Urgent.</summary>
public sealed class FilingDeadlinesJob(IServiceScopeFactory scopes, ILogger<FilingDeadlinesJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<FilingDeadlinesJob>(), cancellationToken);
}
