using MsmHelpdesk.Application.Features.ApiKeys;

namespace MsmHelpdesk.Web.Api;

/// <summary>Writes the API keys' last-use stamps every <see cref="ApiKeyUsage.FlushInterval"/> and once more when the host stops.</summary>
public sealed class ApiKeyUsageFlusher(ApiKeyUsage usage, ILogger<ApiKeyUsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ApiKeyUsage.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await usage.FlushAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A stamp is bookkeeping: a failed write (database busy, disk full) is logged and tried again next time.
            logger.LogWarning(failure, "Writing the API keys' last-use stamps failed");
        }
    }
}
