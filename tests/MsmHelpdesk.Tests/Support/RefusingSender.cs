using Mediator;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// A sender for component tests that refuses every message (NotSupportedException naming it): a test's sender overrides
/// only the kinds of message its component may send, so anything else it sends fails the test by name.
/// </summary>
public abstract class RefusingSender : ISender
{
    public virtual ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => throw Refused(command);

    public virtual ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Refused(query);

    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Refused(request);

    public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw Refused(message);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Refused(query);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Refused(request);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw Refused(command);

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw Refused(message);

    private NotSupportedException Refused(object message) => new($"{GetType().Name} does not expect {message.GetType().Name}.");
}
