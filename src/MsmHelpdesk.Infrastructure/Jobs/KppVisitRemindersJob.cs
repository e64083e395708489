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
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SendKppVisitRemindersCommand(), cancellationToken);
        if (result.IsSuccess)
        {
            logger.LogInformation("KPP visit reminders: {Outcome}", result.Value.Describe());
        }
        else
        {
            logger.LogWarning("KPP visit reminders failed: {Error}", result.Error!.Message);
        }
    }

    /// <summary>Every day at 07:00 in Jakarta, before the working day starts.</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<KppVisitRemindersJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(7),
            new RecurringJobOptions { TimeZone = ClassifierRetrainingJob.JakartaTime() });
}
