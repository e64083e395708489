using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Notifications;
using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Every minute: sends the e-mails of recorded notifications that are due (new ones and retries after backoff).</summary>
public sealed class MailDeliveryJob(IServiceScopeFactory scopes, ILogger<MailDeliveryJob> logger)
{
    public const string Id = "mail-delivery";

    // Retries live in our table (attempts, next attempt), not in Hangfire: a failed run is simply the next minute's run.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new DeliverPendingMailCommand(), outcome => outcome.Describe(), cancellationToken);

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<MailDeliveryJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}

/// <summary>Daily: opens or reminds proactive tickets for certificates and Coretax credentials expiring within 60, 30 or 7 days.</summary>
public sealed class CertificateExpiryScanJob(IServiceScopeFactory scopes, ILogger<CertificateExpiryScanJob> logger)
{
    public const string Id = "certificate-expiry-scan";

    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new Application.Features.Certificates.ScanCertificateExpiryCommand(), outcome => outcome.Describe(), cancellationToken);

    /// <summary>Every day at 06:00 in Jakarta, before the consultants start.</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CertificateExpiryScanJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(6),
            new RecurringJobOptions { TimeZone = OperatorCommand.JakartaTime() });
}

/// <summary>Hourly: reminds the assignee of tickets waiting on the client too long, and closes those that waited longest.</summary>
public sealed class WaitingOnClientJob(IServiceScopeFactory scopes, ILogger<WaitingOnClientJob> logger)
{
    public const string Id = "waiting-on-client";

    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new RunWaitingOnClientCommand(), outcome => outcome.Describe(), cancellationToken);

    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<WaitingOnClientJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
}
