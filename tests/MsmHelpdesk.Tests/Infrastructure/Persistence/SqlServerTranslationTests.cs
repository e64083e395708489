#pragma warning disable EF1001 // MirroringQueryCompiler replaces EF's internal query compiler in this test only.
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query.Internal;
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
using MsmHelpdesk.Infrastructure.DemoData;
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
        new ListTicketsQuery { SortBy = TicketSort.Number, Descending = false, Page = 2, Priorities = [TicketPriority.High] },
        new ListTicketsQuery { Queue = TicketQueue.Unassigned, SortBy = TicketSort.Status, ErrorCode = "ETAX-40002" },
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
    public async Task ShouldSearchTicketTextWithContainsOnSqlServer()
    {
        var recorder = new CommandRecorder();
        await using var services = Build(recorder);
        services.GetRequiredService<TestCurrentUser>().Identity = Everyone;
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListTicketsQuery { Search = "sertifikat kadaluwarsa", Queue = TicketQueue.All });

        output.WriteLine(result.IsSuccess ? "ok" : result.Error!.Message);
        recorder.Distinct().ToList().ForEach(output.WriteLine);
        var search = Assert.Single(recorder.Distinct(), statement => statement.Contains("FROM [Tickets]", StringComparison.Ordinal) && statement.Contains("CONTAINS(", StringComparison.Ordinal));
        Assert.Contains("CONTAINS([t].[ErrorText], @", search, StringComparison.Ordinal);
        Assert.Contains("CONTAINS([t].[Description], @", search, StringComparison.Ordinal);
        Assert.DoesNotContain("LIKE", search.Split("FROM [Clients]")[0], StringComparison.Ordinal);
        Assert.Equal("\"sertifikat* kadaluwarsa*\"", SqlServerTicketFullText.ContainsCondition("sertifikat \"kadaluwarsa\""));
        Assert.Null(SqlServerTicketFullText.ContainsCondition("--"));
        using var reader = new StringReader(search);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.Empty(errors);
    }

    /// <summary>
    /// Every handler again, over a database with realistic tickets (the demo seeder's) so that handlers go past the
    /// lookups an empty database answers with nothing: each LINQ query a handler runs on SQLite is also compiled for
    /// SQL Server (<see cref="SqlServerMirror"/>) and its T-SQL parsed, together with the sweep without a connection.
    /// </summary>
    [Fact]
    public async Task ShouldTranslateTheQueriesOfEveryHandlerOverRealDataToTSqlThatParses()
    {
        var recorder = new CommandRecorder();
        await using var services = Build(recorder);
        await using var app = await TestApp.StartAsync(database: options => options.ReplaceService<IQueryCompiler, MirroringQueryCompiler>());
        var consultant = await Seed.ConsultantAsync(app);
        await new DemoDataSeeder(app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), TimeProvider.System)
            .SeedAsync(new DemoSeedOptions(Clients: 20, Tickets: 300));
        var ids = await KnownIdsAsync(app);
        var everyone = new UserIdentity(consultant.UserId, "Budi", new HashSet<string>(Roles.All));
        var mirror = new SqlServerMirror(services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>());
        var failures = new List<string>();

        async Task RunAsync(string name, Func<ISender, Task> send)
        {
            recorder.Request.Value = name;
            app.CurrentUser.Identity = everyone;
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                await send(scope.ServiceProvider.GetRequiredService<ISender>());
            }
            catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException or ArgumentException or KeyNotFoundException)
            {
                // A sample a handler refuses on this data stops it; what it queried until then was mirrored.
                if (exception.Message.Contains("could not be translated", StringComparison.Ordinal))
                {
                    failures.Add($"{name}: {exception.Message}");
                }
            }
            finally
            {
                recorder.Request.Value = null;
            }
        }

        MirroringQueryCompiler.Target = mirror;
        try
        {
            foreach (var type in AllMessageTypes)
            {
                var message = Activator.CreateInstance(type)!;
                Fill(message, ids, consultant.UserId!);
                await RunAsync(type.Name, sender => sender.Send(message).AsTask());
            }

            foreach (var sample in Samples)
            {
                await RunAsync(sample.GetType().Name, sender => sender.Send(sample).AsTask());
            }

            await RunAsync("report sections from rows", _ => GetReportHandler.BuildAsync(
                app.Services.GetRequiredService<IAppDbContextFactory>(), new ReportFilter { From = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-700)) }, [],
                DateTimeOffset.UtcNow, CancellationToken.None, useTallies: false));
            foreach (var job in JobRegistry.All)
            {
                await RunAsync(job.Name, sender => job.SendAsync(sender, CancellationToken.None));
            }
        }
        finally
        {
            MirroringQueryCompiler.Target = null;
        }

        // The provider-specific raw SQL and the saves come from the sweep without a connection.
        foreach (var type in AllMessageTypes)
        {
            recorder.Request.Value = type.Name;
            services.GetRequiredService<TestCurrentUser>().Identity = Everyone;
            await using var scope = services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(Activator.CreateInstance(type)!);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or NullReferenceException or KeyNotFoundException)
            {
                if (exception.Message.Contains("could not be translated", StringComparison.Ordinal))
                {
                    failures.Add($"{type.Name}: {exception.Message}");
                }
            }
        }

        recorder.Request.Value = null;
        var statements = recorder.Distinct();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var statement in statements)
        {
            using var reader = new StringReader(statement);
            parser.Parse(reader, out var errors);
            failures.AddRange(errors.Select(error => $"line {error.Line}: {error.Message}\n{statement}"));
        }

        failures.AddRange(mirror.Failures);
        mirror.Warnings.Distinct().ToList().ForEach(warning => output.WriteLine("EF warning (translated): " + warning));
        var covered = AllMessageTypes.Count(type => recorder.Requests.Contains(type.Name));
        output.WriteLine($"SQL Server: {covered} of {AllMessageTypes.Length} request types sent SQL; {statements.Count} distinct statements parsed; "
            + $"{mirror.Translated} SQLite queries compiled for SQL Server as well");
        output.WriteLine("No SQL: " + string.Join(", ", AllMessageTypes.Where(type => !recorder.Requests.Contains(type.Name)).Select(type => type.Name)));
        Assert.Empty(failures);
        Assert.True(covered >= 60, $"only {covered} request types sent SQL");
        Assert.True(statements.Count >= 150, $"only {statements.Count} statements recorded");
    }

    /// <summary>An existing row's id for each entity with a Guid key, by the name a message gives it (TicketId, ClientId …).</summary>
    private static async Task<Dictionary<string, Guid>> KnownIdsAsync(TestApp app) => await app.QueryDbAsync(async db =>
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(entity => !entity.IsOwned() && entity.GetTableName() is not null))
        {
            if (entity.FindPrimaryKey()?.Properties is not [{ ClrType: var keyType } key] || keyType != typeof(Guid))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names from the EF model.
            command.CommandText = $"SELECT \"{key.GetColumnName()}\" FROM \"{entity.GetTableName()}\" LIMIT 1";
#pragma warning restore CA2100
            if (await command.ExecuteScalarAsync() is string text)
            {
                ids[entity.ClrType.Name + "Id"] = Guid.Parse(text);
            }
        }

        return ids;
    });

    /// <summary>Points a message's ids at rows that exist: Guid properties named after an entity, and user ids at the consultant.</summary>
    private static void Fill(object message, Dictionary<string, Guid> ids, string userId)
    {
        foreach (var property in message.GetType().GetProperties().Where(property => property.CanWrite))
        {
            if ((property.PropertyType == typeof(Guid) || property.PropertyType == typeof(Guid?))
                && (ids.TryGetValue(property.Name, out var id) || ids.TryGetValue("KppVisit" + property.Name, out id)))
            {
                property.SetValue(message, id);
            }
            else if (property.PropertyType == typeof(string) && property.Name is "AssigneeId" or "UserId" or "ConsultantId")
            {
                property.SetValue(message, userId);
            }
        }
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
                // As on a server with Full-Text Search installed: searches translate to CONTAINS (decision 0181).
                [ConfigKeys.SqlServerFullText] = nameof(FullTextMode.On),
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
            // Not RowLimitingOperationWithoutOrderByWarning: the lists count their matches up to a cap (Take(n).Count()),
            // unordered on purpose; throwing on it kept every ticket list and search out of this check.
            .ConfigureWarnings(warnings => warnings.Throw(
                RelationalEventId.MultipleCollectionIncludeWarning,
                CoreEventId.FirstWithoutOrderByAndFilterWarning,
                CoreEventId.PossibleUnintendedCollectionNavigationNullComparisonWarning,
                CoreEventId.PossibleUnintendedReferenceComparisonWarning)));
        return services.BuildServiceProvider();
    }

    /// <summary>Records each command's text and answers it with no rows instead of sending it.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private readonly ConcurrentDictionary<string, byte> _requests = new(StringComparer.Ordinal);

        public int Count => _texts.Count;

        /// <summary>The request whose SQL is being recorded (flows into the handler and the report sections it starts).</summary>
        public AsyncLocal<string?> Request { get; } = new();

        /// <summary>The requests that sent at least one command.</summary>
        public IReadOnlyCollection<string> Requests => [.. _requests.Keys];

        public IReadOnlyList<string> Distinct() => _texts.Distinct(StringComparer.Ordinal).ToList();

        private void Record(string text)
        {
            _texts.Enqueue(text);
            if (Request.Value is { } request)
            {
                _requests.TryAdd(request, 0);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command.CommandText);
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
