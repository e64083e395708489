using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Daily: reminds consultants of KPP visits up to the next working day. Only sends the command, as the operator.</summary>
public sealed class KppVisitRemindersJob(IServiceScopeFactory scopes, ILogger<KppVisitRemindersJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<KppVisitRemindersJob>(), cancellationToken);
}
