using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Features.Diagnosis;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Daily: retrains the learned phrase weights from confirmed tickets. Only sends the command, as the operator.</summary>
public sealed class ClassifierRetrainingJob(IServiceScopeFactory scopes, ILogger<ClassifierRetrainingJob> logger)
{
    public const string Id = "classifier-retraining";

    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RetrainClassifierCommand(), cancellationToken);
        if (result.IsSuccess)
        {
            logger.LogInformation("Classifier retraining: {Outcome}", result.Value.Describe());
        }
        else
        {
            logger.LogWarning("Classifier retraining failed: {Error}", result.Error!.Message);
        }
    }

    /// <summary>Every day at midnight in Jakarta (UTC+7).</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ClassifierRetrainingJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(),
            new RecurringJobOptions { TimeZone = JakartaTime() });

    internal static TimeZoneInfo JakartaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");
        }
    }
}
