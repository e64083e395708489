using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: times every message and logs its outcome (never its content, which may hold
/// passwords): failures, refusals and slow messages at Information or above, a quick success at Debug. An
/// unexpected exception is logged and turned into a failed result, because an exception escaping a Blazor
/// event handler would end the user's circuit.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>A message handled at least this slowly is logged at Information; a quicker success only at Debug.</summary>
    public const double SlowMessageMs = 200;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is Result { IsSuccess: false } failed)
            {
                logger.LogInformation("{Message} refused with {ErrorCode} in {ElapsedMs:F1} ms", name, failed.Error.Code, elapsed);
            }
            else
            {
                // One JSON line per message at Information cost ~0.25 ms of CPU per created ticket (decision record 0205).
                logger.Log(elapsed >= SlowMessageMs ? LogLevel.Information : LogLevel.Debug, "{Message} handled in {ElapsedMs:F1} ms", name, elapsed);
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Message} failed after {ElapsedMs:F1} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return ResultFailure<TResponse>.From(Error.Unexpected());
        }
    }
}
