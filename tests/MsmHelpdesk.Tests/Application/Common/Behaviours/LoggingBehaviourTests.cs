using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Behaviours;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Tests.Application.Common.Behaviours;

/// <summary>
/// The per-message log line (decision record 0205): a quick success at Debug; a refusal, a failure and a slow message
/// still at Information or above.
/// </summary>
public sealed class LoggingBehaviourTests
{
    private static readonly CreateTicketCommand Message = new() { ErrorText = "ETAX-40002" };

    [Fact]
    public async Task ShouldLogAQuickSuccessOnlyAtDebug()
    {
        var logger = new RecordingLogger();

        await Behaviour(logger).Handle(Message, (_, _) => ValueTask.FromResult(Success()), CancellationToken.None);

        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Contains("CreateTicketCommand handled in", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldLogASlowSuccessAtInformation()
    {
        var logger = new RecordingLogger();

        await Behaviour(logger).Handle(Message, async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(LoggingBehaviour<CreateTicketCommand, Result<TicketCreated>>.SlowMessageMs + 50), ct);
            return Success();
        }, CancellationToken.None);

        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("CreateTicketCommand handled in", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldLogARefusalAtInformationAndAFailureAsAnError()
    {
        var logger = new RecordingLogger();
        var behaviour = Behaviour(logger);

        await behaviour.Handle(Message, (_, _) => ValueTask.FromResult<Result<TicketCreated>>(Error.NotFound("client-not-found", "no client")), CancellationToken.None);
        var failed = await behaviour.Handle(Message, (_, _) => throw new InvalidOperationException("boom"), CancellationToken.None);

        Assert.False(failed.IsSuccess);
        Assert.Equal([LogLevel.Information, LogLevel.Error], logger.Lines.Select(line => line.Level));
        Assert.Contains("refused with client-not-found", logger.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("failed after", logger.Lines[1].Text, StringComparison.Ordinal);
    }

    private static LoggingBehaviour<CreateTicketCommand, Result<TicketCreated>> Behaviour(RecordingLogger logger) => new(logger);

    private static Result<TicketCreated> Success() => new TicketCreated(Guid.NewGuid(), "TKT-2026-000001");

    private sealed class RecordingLogger : ILogger<LoggingBehaviour<CreateTicketCommand, Result<TicketCreated>>>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
