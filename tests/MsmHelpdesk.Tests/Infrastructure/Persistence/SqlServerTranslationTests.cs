using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;
using Xunit.Abstractions;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// No SQL Server runs on the build machine, so the production provider is proven as far as it can be without one:
/// every message of the application, the report sections and the jobs run through the SQL Server provider against a
/// connection that never opens; each command EF would send is recorded instead of executed (answered with no rows)
/// and parsed as T-SQL. A query EF cannot translate throws while it is compiled, before any command is recorded.
/// </summary>
public sealed class SqlServerTranslationTests(ITestOutputHelper output)
{
    private static readonly UserIdentity Everyone = TestCurrentUser.With("sqlserver-check", [.. Roles.All]);

    /// <summary>Messages whose default instance stops at validation, sent here with values that reach the handler's queries.</summary>
    private static readonly IMessage[] Samples =
    [
        new ListTicketsQuery { Search = "ETAX-40002", Queue = TicketQueue.AllOpen, Statuses = [TicketStatus.InProgress], Priorities = [TicketPriority.High], ErrorCode = "ETAX-40002", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31), SortBy = TicketSort.Priority },
        new ListTicketsQuery { Search = "Error di Service", Page = 3, Descending = false, SlaStates = [SlaState.Breached] },
        new CreateTicketCommand { ClientId = Guid.NewGuid(), ErrorText = "ETAX-40002: Error di Service", Activity = "upload faktur" },
        new GetTicketQuery { TicketId = Guid.NewGuid() },
    ];

    [Fact]
    public async Task ShouldTranslateEveryQueryAndCommandToTSqlThatParses()
    {
        var recorder = new CommandRecorder();
        await using var services = Build(recorder);
        var requestsWithSql = 0;
        var failures = new List<string>();

        async Task RunAsync(string name, Func<ISender, Task> send)
        {
            var before = recorder.Count;
            await using var scope = services.CreateAsyncScope();
            services.GetRequiredService<TestCurrentUser>().Identity = Everyone;
            try
            {
                await send(scope.ServiceProvider.GetRequiredService<ISender>());
            }
            catch (InvalidOperationException exception) when (exception.Message.Contains("could not be translated", StringComparison.Ordinal)
                || exception.Message.Contains("client evaluation", StringComparison.OrdinalIgnoreCase)
                || exception.Message.Contains("Warning", StringComparison.Ordinal))
            {
                failures.Add($"{name}: {exception.Message}");
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or NullReferenceException or KeyNotFoundException)
            {
                // Every command was answered with no rows, so a save "affects" nothing and a lookup may find nothing;
                // what matters here is the SQL sent until then.
            }

            if (recorder.Count > before)
            {
                requestsWithSql++;
            }
        }

        foreach (var type in AllMessageTypes.Where(type => type.GetConstructor(Type.EmptyTypes) is not null))
        {
            await RunAsync(type.Name, sender => sender.Send(Activator.CreateInstance(type)!).AsTask());
        }

        foreach (var sample in Samples)
        {
            await RunAsync(sample.GetType().Name, sender => sender.Send(sample).AsTask());
        }

        // The report sections from the rows themselves too, not only from the stored totals.
        await RunAsync("report sections from rows", _ => GetReportHandler.BuildAsync(
            services.GetRequiredService<IAppDbContextFactory>(), new ReportFilter(), [], DateTimeOffset.UtcNow, CancellationToken.None, useTallies: false));
        foreach (var job in JobRegistry.All)
        {
            await RunAsync(job.Name, sender => job.SendAsync(sender, CancellationToken.None));
        }

        var statements = recorder.Distinct();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var statement in statements)
        {
            using var reader = new StringReader(statement);
            parser.Parse(reader, out var errors);
            failures.AddRange(errors.Select(error => $"line {error.Line}: {error.Message}\n{statement}"));
        }

        output.WriteLine($"SQL Server: {statements.Count} statements from {requestsWithSql} requests parsed ({AllMessageTypes.Length} message types, {Samples.Length} samples, {JobRegistry.All.Count} jobs)");
        Assert.Empty(failures);
        // Floors from the first run (64 statements from 48 requests), so a sweep that silently stops sending fails.
        Assert.True(statements.Count >= 60, $"only {statements.Count} statements recorded");
        Assert.True(requestsWithSql >= 45, $"only {requestsWithSql} requests reached the database");
        Assert.Contains(statements, statement => statement.Contains("FROM [Tickets]", StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldSendEveryMessageTypeOfTheApplication()
    {
        // A message without a parameterless constructor would be skipped silently by the sweep above.
        Assert.All(AllMessageTypes, type => Assert.NotNull(type.GetConstructor(Type.EmptyTypes)));
    }

    private static Type[] AllMessageTypes => typeof(AppText).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    private static ServiceProvider Build(CommandRecorder recorder)
    {
        var directory = TestPaths.NewTempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ConfigKeys.DatabaseProvider] = nameof(DatabaseProvider.SqlServer),
                // Nothing listens there: the interceptor below never lets the connection open.
                [ConfigKeys.ConnectionString] = "Server=tcp:nowhere.invalid,1433;Database=Helpdesk;User Id=none;Password=none;TrustServerCertificate=True",
                [ConfigKeys.AttachmentsDirectory] = Path.Combine(directory, "attachments"),
                [ConfigKeys.DataDirectory] = directory,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddHelpdeskCore(configuration)
            .AddSingleton<TestCurrentUser>()
            .AddSingleton<ICurrentUser>(provider => provider.GetRequiredService<TestCurrentUser>());
        services.ConfigureDbContext<HelpdeskDbContext>(options => options
            .AddInterceptors(recorder, new NoConnection(), new NoTransaction())
            .ConfigureWarnings(warnings => warnings.Throw(
                RelationalEventId.MultipleCollectionIncludeWarning,
                CoreEventId.RowLimitingOperationWithoutOrderByWarning,
                CoreEventId.FirstWithoutOrderByAndFilterWarning,
                CoreEventId.PossibleUnintendedCollectionNavigationNullComparisonWarning,
                CoreEventId.PossibleUnintendedReferenceComparisonWarning)));
        return services.BuildServiceProvider();
    }

    /// <summary>Records each command's text and answers it with no rows instead of sending it.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public int Count => _texts.Count;

        public IReadOnlyList<string> Distinct() => _texts.Distinct(StringComparer.Ordinal).ToList();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _texts.Enqueue(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            _texts.Enqueue(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            _texts.Enqueue(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(NonQueryExecuting(command, eventData, result));
    }

    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class NoTransaction : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
            InterceptionResult<DbTransaction>.SuppressWithResult(new PretendTransaction(connection, eventData.IsolationLevel));

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TransactionStarting(connection, eventData, result));

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult TransactionRollingBack(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> TransactionRollingBackAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    private sealed class PretendTransaction(DbConnection connection, System.Data.IsolationLevel isolationLevel) : DbTransaction
    {
        public override System.Data.IsolationLevel IsolationLevel => isolationLevel;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
