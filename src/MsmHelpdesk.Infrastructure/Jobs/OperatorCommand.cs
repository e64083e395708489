using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>
/// What every job does: send one command as the operator, in its own scope, and log the outcome. A failed
/// result throws after logging, so Hangfire marks the run failed and retries it (the handlers are idempotent).
/// </summary>
internal static class OperatorCommand
{
    public static async Task SendAsync<T>(IServiceScopeFactory scopes, ILogger logger, string job, ICommand<Result<T>> command, Func<T, string> describe, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobContext>().User = new JobOperatorUser();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            logger.LogWarning("{Job} failed: {Error}", job, result.Error.Message);
            throw new InvalidOperationException($"{job} failed: {result.Error.Code}");
        }

        logger.LogInformation("{Job}: {Outcome}", job, describe(result.Value));
    }

    /// <summary>Asia/Jakarta for recurring schedules, or a fixed UTC+7 where the host has no time-zone database.</summary>
    public static TimeZoneInfo JakartaTime()
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
