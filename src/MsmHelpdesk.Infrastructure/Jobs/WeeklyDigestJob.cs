using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Weekly: the resolution digest to every Manager. Only sends the command, as the operator; the notice key per ISO week makes a rerun harmless.</summary>
public sealed class WeeklyDigestJob(IServiceScopeFactory scopes, ILogger<WeeklyDigestJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<WeeklyDigestJob>(), cancellationToken);
}
