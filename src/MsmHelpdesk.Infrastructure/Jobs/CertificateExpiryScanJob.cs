using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Daily: opens or reminds proactive tickets for certificates and Coretax credentials expiring within 60, 30 or 7 days.</summary>
public sealed class CertificateExpiryScanJob(IServiceScopeFactory scopes, ILogger<CertificateExpiryScanJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, JobRegistry.For<CertificateExpiryScanJob>(), cancellationToken);
}
