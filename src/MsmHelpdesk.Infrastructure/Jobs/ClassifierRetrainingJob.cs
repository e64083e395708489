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
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new RetrainClassifierCommand(), outcome => outcome.Describe(), cancellationToken);

    /// <summary>Every day at midnight in Jakarta (UTC+7).</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ClassifierRetrainingJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(),
            new RecurringJobOptions { TimeZone = OperatorCommand.JakartaTime() });
}
