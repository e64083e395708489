using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Features.Visits;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Daily: reminds consultants of KPP visits up to the next working day. Only sends the command, as the operator.</summary>
public sealed class KppVisitRemindersJob(IServiceScopeFactory scopes, ILogger<KppVisitRemindersJob> logger)
{
    public const string Id = "kpp-visit-reminders";

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new SendKppVisitRemindersCommand(), outcome => outcome.Describe(), cancellationToken);

    /// <summary>Every day at 07:00 in Jakarta, before the working day starts.</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<KppVisitRemindersJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(7),
            new RecurringJobOptions { TimeZone = OperatorCommand.JakartaTime() });
}
