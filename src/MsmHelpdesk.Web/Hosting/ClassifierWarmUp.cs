using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Web.Hosting;

/// <summary>
/// Loads the classifier's stored models when the host starts, without holding the start-up back; warns when they were
/// stale and had to be trained instead (decision 0193).
/// </summary>
internal sealed class ClassifierWarmUp(ILogger<ClassifierWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Classifier.WarmUpAsync().ContinueWith(
            warmUp =>
            {
                if (warmUp.IsFaulted)
                {
                    logger.LogError(warmUp.Exception, "Loading or training the classifier's models failed");
                }
                else if (warmUp.Result is { } whyTrained)
                {
                    logger.LogWarning("The classifier's models were trained at start-up, not loaded: {Reason}. Regenerate them with src/MsmHelpdesk.Domain/Classification/store-models.sh", whyTrained);
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
