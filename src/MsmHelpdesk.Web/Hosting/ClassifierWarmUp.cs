using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Web.Hosting;

/// <summary>Starts the classifier's training when the host starts, without holding the start-up back.</summary>
internal sealed class ClassifierWarmUp(ILogger<ClassifierWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Classifier.WarmUpAsync().ContinueWith(
            training => logger.LogError(training.Exception, "Training the classifier's models failed"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
