using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Every 15 minutes: escalates at-risk and breached SLA clocks to the Managers. Only sends the command, as the operator.</summary>
public sealed class SlaEscalationJob(IServiceScopeFactory scopes, ILogger<SlaEscalationJob> logger)
{
    [AutomaticRetry(Attempts = 1)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<SlaEscalationJob>(), cancellationToken);
}
