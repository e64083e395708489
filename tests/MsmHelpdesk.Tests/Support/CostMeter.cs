using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// Counts the SQL commands EF sends and the exceptions thrown (first chance, caught or not) while <see cref="Measure"/>
/// is open, in that flow only: tests running in parallel in the same process are not counted.
/// </summary>
public sealed class CostMeter : DbCommandInterceptor, IDisposable
{
    private readonly AsyncLocal<Window?> _window = new();
    private readonly ConcurrentQueue<string> _unscoped = new();

    public CostMeter() => AppDomain.CurrentDomain.FirstChanceException += OnException;

    /// <summary>Commands seen outside any window (e.g. by a request whose flow did not start in the test).</summary>
    public IReadOnlyCollection<string> Unscoped => _unscoped;

    /// <summary>Counting starts now, for this flow and what it awaits; read the window after awaiting the work.</summary>
    public Window Measure() => _window.Value = new Window();

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnException;

    private void OnException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) =>
        _window.Value?.Exceptions.Enqueue($"{e.Exception.GetType().Name}: {e.Exception.Message}");

    private void Seen(DbCommand command)
    {
        if (_window.Value is { } window)
        {
            window.Commands.Enqueue(command.CommandText);
        }
        else
        {
            _unscoped.Enqueue(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public sealed class Window
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public ConcurrentQueue<string> Exceptions { get; } = new();

        public string Describe() => $"{Commands.Count} commands:\n{string.Join("\n---\n", Commands)}\nexceptions: {string.Join("; ", Exceptions)}";
    }
}
