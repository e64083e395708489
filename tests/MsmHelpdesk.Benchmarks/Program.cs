using System.Diagnostics;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Users;
using MsmHelpdesk.Benchmarks;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Persistence;

// Seeds a SQLite database with demo data, then times the work lists, search and ticket creation through
// the real mediator pipeline (logging, authorization, validation, handler), as the web app sends them.
var options = BenchmarkOptions.Parse(args);
var directory = options.Directory ?? Path.Combine(Path.GetTempPath(), "msmhelpdesk-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var databasePath = Path.Combine(directory, "helpdesk.db");
var sql = new SqlCapture();
var services = BuildServices(databasePath, sql);
try
{
    await DatabaseInitializer.MigrateAsync(services);
    var seeder = new DemoDataSeeder(services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), TimeProvider.System);
    string seeding;
    if (await seeder.CountTicketsAsync() == 0)
    {
        await CreateStaffAsync(services);
        Console.Error.WriteLine($"Seeding {options.Tickets:N0} tickets for {options.Clients:N0} clients into {databasePath}");
        var seeded = await seeder.SeedAsync(new DemoSeedOptions(options.Clients, options.Tickets, options.Seed), progress =>
            Console.Error.WriteLine($"  {progress.Phase}: {progress.Done:N0} / {progress.Total:N0} ({progress.Elapsed.TotalSeconds:N1} s)"));
        seeding = $"{seeded.Tickets:N0} tickets ({seeded.TimelineEntries:N0} timeline entries) and {seeded.Clients:N0} clients seeded in "
            + $"{seeded.Elapsed.TotalSeconds:N1} s ({seeded.Tickets / seeded.Elapsed.TotalSeconds:N0} tickets/s)";
    }
    else
    {
        seeding = $"reusing the {await seeder.CountTicketsAsync():N0} tickets already in {databasePath}";
    }

    Console.Error.WriteLine(seeding);
    if (options.Mode == "reports")
    {
        await ReportBenchmark.RunAsync(services, sql, databasePath, seeding, options.Runs, options.Only);
        return;
    }

    if (options.Against is { } against)
    {
        // `--mode lists --db A --against B`: both databases, request by request (see ListBenchmark).
        var otherPath = Path.Combine(against, "helpdesk.db");
        var otherSql = new SqlCapture();
        await using var other = BuildServices(otherPath, otherSql);
        await DatabaseInitializer.MigrateAsync(other);
        var sizes = (A: await seeder.CountTicketsAsync(), B: await new DemoDataSeeder(other.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), TimeProvider.System).CountTicketsAsync());
        await ListBenchmark.CompareAsync(
            ($"{sizes.A:N0} tickets", services, databasePath, sql), ($"{sizes.B:N0} tickets", other, otherPath, otherSql), options.Runs, options.Only);
        return;
    }

    var rows = new List<string>();
    var plans = new List<string>();
    if (options.Mode == "create")
    {
        // `--mode create`: creation only, with the CPU this process spent per ticket (warm-up round first).
        var ids = await ClientIdsAsync(services);
        await TimeCreatesAsync(services, ids, Math.Min(200, options.Creates), senders: 1);
        Console.WriteLine(await TimeCreatesAsync(services, ids, options.Creates, senders: 1));
        Console.WriteLine(await TimeCreatesAsync(services, ids, options.Creates, senders: options.Concurrency));
        return;
    }

    foreach (var (label, query) in await ListBenchmark.QueriesAsync(services))
    {
        rows.Add(await TimeQueryAsync(services, label, query, options.Runs, label.StartsWith("search", StringComparison.Ordinal) ? "< 300 ms" : "< 100 ms"));
        sql.Start();
        await SendAsync(services, query);
        plans.Add($"### {label}\n\n{QueryPlans.Explain(databasePath, sql.Stop())}");
    }

    // --creates 0 measures the reads only (and leaves a cached database as it was seeded).
    if (options.Creates > 0)
    {
        var clientIds = await ClientIdsAsync(services);
        rows.Add(await TimeCreatesAsync(services, clientIds, options.Creates, senders: 1));
        rows.Add(await TimeCreatesAsync(services, clientIds, options.Creates, senders: options.Concurrency));
    }

    Console.WriteLine($"## MsmHelpdesk benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite)\n");
    Console.WriteLine(seeding + ".\n");
    Console.WriteLine("| measurement | p50 | p95 | goal |");
    Console.WriteLine("|---|---:|---:|---|");
    rows.ForEach(Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine("## Query plans (EXPLAIN QUERY PLAN of each statement the search sends)\n");
    plans.ForEach(Console.WriteLine);
}
finally
{
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    if (options.Directory is null && !options.Keep)
    {
        Directory.Delete(directory, recursive: true);
    }
}

static ServiceProvider BuildServices(string databasePath, SqlCapture sql)
{
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.ConnectionString] = $"Data Source={databasePath}" })
        // App settings to compare, e.g. BENCH_Database__Sqlite__MmapSizeMiB=256 (decision record 0196).
        .AddEnvironmentVariables("BENCH_")
        .Build();
    return new ServiceCollection()
        .AddLogging(logging => logging.AddProvider(sql).AddFilter((category, level) => category == SqlCapture.Category && level >= LogLevel.Information))
        .AddSingleton<IConfiguration>(configuration)
        .AddHelpdeskCore(configuration)
        .AddSingleton<ICurrentUser>(new BenchmarkUser())
        .BuildServiceProvider();
}

static async Task<T> SendAsync<T>(IServiceProvider services, IQuery<T> query)
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
}

static async Task<string> TimeQueryAsync(IServiceProvider services, string label, ListTicketsQuery query, int runs, string goal)
{
    for (var i = 0; i < 5; i++)
    {
        var warmUp = await SendAsync(services, query);
        if (!warmUp.IsSuccess)
        {
            throw new InvalidOperationException($"{label}: {warmUp.Error.Message}");
        }
    }

    var times = new List<double>();
    var total = 0;
    for (var i = 0; i < runs; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        total = (await SendAsync(services, query)).Value.TotalCount;
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    Console.Error.WriteLine($"{label}: p50 {Percentile(times, 50):N1} ms, p95 {Percentile(times, 95):N1} ms");
    return $"| {label} — {total:N0} matches | {Percentile(times, 50):N1} ms | {Percentile(times, 95):N1} ms | {goal} |";
}

static async Task<string> TimeCreatesAsync(IServiceProvider services, Guid[] clientIds, int count, int senders)
{
    var failures = 0;
    var latencies = new List<double>();
    var stopwatch = Stopwatch.StartNew();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    await Task.WhenAll(Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
    {
        var random = new Random(sender);
        for (var i = 0; i < count / senders; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateTicketCommand
            {
                ClientId = clientIds[random.Next(clientIds.Length)],
                ErrorText = "ETAX-40002: Error di Service",
                Activity = "Upload faktur (Start Uploader)",
                Description = "Benchmark: klien telp, upload gagal sejak pagi.",
                Channel = TicketChannel.Phone,
            });
            lock (latencies)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                failures += result.IsSuccess ? 0 : 1;
            }
        }
    })));
    var elapsed = stopwatch.Elapsed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var created = latencies.Count - failures;
    var label = $"create ticket, {senders} sender{(senders == 1 ? "" : "s")}: {created / elapsed.TotalSeconds:N0} tickets/s ({created:N0} in {elapsed.TotalSeconds:N1} s, {failures} failed, "
        + $"{cpu.TotalMilliseconds / Math.Max(1, created):N2} ms CPU per ticket in this process)";
    Console.Error.WriteLine(label);
    return $"| {label} | {Percentile(latencies, 50):N1} ms | {Percentile(latencies, 95):N1} ms | |";
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

static async Task<Guid[]> ClientIdsAsync(IServiceProvider services)
{
    await using var db = await services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
    return await db.Clients.Select(client => client.Id).ToArrayAsync();
}

// Consultants to give the demo tickets to, so the lists show assignee names as in real use.
static async Task CreateStaffAsync(IServiceProvider services)
{
    foreach (var name in new[] { "Sri Wahyuni", "Budi Hartono", "Maya Sari", "Andi Pratama", "Dewi Kusuma", "Rudi Salim" })
    {
        await using var scope = services.CreateAsyncScope();
        var email = name.Split(' ')[0].ToLowerInvariant() + "@msm.co.id";
        var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
        {
            Email = email,
            DisplayName = name,
            Password = "Konsultan2026",
            ConfirmPassword = "Konsultan2026",
            Roles = [Roles.Consultant],
        });
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Creating consultant {name}: {created.Error!.Message}");
        }
    }
}
