using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Benchmarks;

internal sealed record BenchmarkOptions(int Tickets, int Clients, int Runs, int Creates, int Concurrency, int Seed, string? Directory, bool Keep, string Mode = "lists", string? Only = null, string? Against = null)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(arg => arg != "--" + name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            Number("tickets", 1_000_000),
            Number("clients", 5_000),
            Number("runs", 50),
            Number("creates", 2_000),
            Number("concurrency", 4),
            Number("seed", 1),
            Value("db"),
            args.Contains("--keep"),
            Value("mode") ?? "lists",
            Value("only"),
            Value("against"));
    }
}

/// <summary>A consultant who is also a manager (the reports are for managers) and an admin (to create the consultants), as the web app's signed-in user would be.</summary>
internal sealed class BenchmarkUser : ICurrentUser
{
    private static readonly UserIdentity Consultant = new("benchmark", "Benchmark", new HashSet<string> { Roles.Consultant, Roles.Manager, Roles.Admin });

    public ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Consultant);
}

/// <summary>Records the SQL EF sends while switched on, to explain its query plans.</summary>
internal sealed class SqlCapture : ILoggerProvider, ILogger
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";
    private readonly List<string> _statements = [];
    private volatile bool _capturing;

    public void Start()
    {
        lock (_statements)
        {
            _statements.Clear();
            _capturing = true;
        }
    }

    public IReadOnlyList<string> Stop()
    {
        lock (_statements)
        {
            _capturing = false;
            return [.. _statements];
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <summary>Off while timing, so logging costs nothing then.</summary>
    public bool IsEnabled(LogLevel logLevel) => _capturing;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values
            && values.FirstOrDefault(pair => pair.Key == "commandText").Value is string commandText)
        {
            lock (_statements)
            {
                if (_capturing)
                {
                    _statements.Add(commandText);
                }
            }
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>EXPLAIN QUERY PLAN of the SELECT statements EF sent, for the benchmark report.</summary>
internal static class QueryPlans
{
    public static string Explain(string databasePath, IReadOnlyList<string> statements)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        var text = new List<string>();
        foreach (var statement in statements.Where(statement => statement.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are EF's own, captured from its log; parameters stay unbound.
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
#pragma warning restore CA2100
            using var reader = command.ExecuteReader();
            var plan = new List<string>();
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }

            text.Add($"```sql\n{statement.Trim()}\n```\n\n```\n{string.Join("\n", plan)}\n```\n");
        }

        return string.Join("\n", text);
    }
}
