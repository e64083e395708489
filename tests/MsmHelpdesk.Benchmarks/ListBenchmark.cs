using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Benchmarks;

/// <summary>
/// The work lists and searches the /tickets page and the API send. `--mode lists --db A --against B` times them
/// over two databases interleaved, request by request (which database goes first alternates every run), so both sizes
/// see the same load on a shared machine; p50/p95 per database and the ratio B/A of the p50s.
/// </summary>
internal static class ListBenchmark
{
    public static async Task<(string Label, ListTicketsQuery Query)[]> QueriesAsync(IServiceProvider services)
    {
        // The client with the most tickets in the newest thousand, as someone opening a busy client's page would.
        await using var db = await services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var busyClient = await db.Tickets.OrderByDescending(t => t.ReportedAt).Take(1000)
            .GroupBy(t => t.ClientId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        return
        [
            ("first page, all open", new ListTicketsQuery()),
            ("first page, all tickets", new ListTicketsQuery { Queue = TicketQueue.All }),
            ("unassigned queue", new ListTicketsQuery { Queue = TicketQueue.Unassigned }),
            ("all open, error code ETAX-40002", new ListTicketsQuery { ErrorCode = "ETAX-40002" }),
            ("all open, priority high", new ListTicketsQuery { Priorities = [TicketPriority.High] }),
            ("all open, SLA breached", new ListTicketsQuery { SlaStates = [SlaState.Breached] }),
            ("all open, sorted by priority", new ListTicketsQuery { SortBy = TicketSort.Priority }),
            ("all open, sorted by number (ascending)", new ListTicketsQuery { SortBy = TicketSort.Number, Descending = false }),
            ("all open, page 10", new ListTicketsQuery { Page = 10 }),
            ("all tickets, status resolved", new ListTicketsQuery { Queue = TicketQueue.All, Statuses = [TicketStatus.Resolved] }),
            ("one client's tickets", new ListTicketsQuery { Queue = TicketQueue.All, ClientId = busyClient }),
            ("search \"Sejahtera\" (client name), all tickets", new ListTicketsQuery { Queue = TicketQueue.All, Search = "Sejahtera" }),
            ("search \"40002\", all tickets", new ListTicketsQuery { Queue = TicketQueue.All, Search = "40002" }),
            ("search \"40002\", all open", new ListTicketsQuery { Search = "40002" }),
            ("search \"kadaluwarsa\" (description word), all tickets", new ListTicketsQuery { Queue = TicketQueue.All, Search = "kadaluwarsa" }),
            ("search \"kadaluwarsa\", all open", new ListTicketsQuery { Search = "kadaluwarsa" }),
            ("search \"gudang zzq\" (matches nothing), all tickets", new ListTicketsQuery { Queue = TicketQueue.All, Search = "gudang zzq" }),
            ("ticket number \"MSM-2025-000123\"", new ListTicketsQuery { Queue = TicketQueue.All, Search = "MSM-2025-000123" }),
        ];
    }

    public static async Task CompareAsync(
        (string Name, IServiceProvider Services, string Path, SqlCapture Sql) a,
        (string Name, IServiceProvider Services, string Path, SqlCapture Sql) b,
        int runs,
        string? only)
    {
        var queriesA = await QueriesAsync(a.Services);
        var queriesB = await QueriesAsync(b.Services);
        var selected = Enumerable.Range(0, queriesA.Length)
            .Where(i => only is null || queriesA[i].Label.Contains(only, StringComparison.Ordinal)).ToArray();
        var load = new List<string> { LoadAverage() };
        var totals = new Dictionary<(int, int), string>();
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            foreach (var i in selected)
            {
                totals[(i, 0)] = Count(await SendAsync(a.Services, queriesA[i].Query, queriesA[i].Label));
                totals[(i, 1)] = Count(await SendAsync(b.Services, queriesB[i].Query, queriesB[i].Label));
            }
        }

        var times = selected.ToDictionary(i => i, _ => (A: new List<double>(), B: new List<double>()));
        var stopwatch = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            foreach (var i in selected)
            {
                // Alternate which size goes first, so neither always follows the other's cache misses.
                if (run % 2 == 0)
                {
                    times[i].A.Add(await TimeAsync(a.Services, queriesA[i].Query));
                    times[i].B.Add(await TimeAsync(b.Services, queriesB[i].Query));
                }
                else
                {
                    times[i].B.Add(await TimeAsync(b.Services, queriesB[i].Query));
                    times[i].A.Add(await TimeAsync(a.Services, queriesA[i].Query));
                }
            }

            if (run % 10 == 9)
            {
                load.Add(LoadAverage());
                Console.Error.WriteLine($"run {run + 1}/{runs} ({stopwatch.Elapsed.TotalSeconds:N0} s), load {load[^1]}");
            }
        }

        Console.WriteLine($"## Lists and search, {a.Name} against {b.Name}, interleaved ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite)\n");
        Console.WriteLine($"{runs} runs after 3 warm-up rounds; each run sends every query to both databases in turn (order alternating per run).");
        Console.WriteLine($"Load average (1, 5, 15 min) at the start and every 10 runs: {string.Join("; ", load)}.\n");
        Console.WriteLine($"| query | matches {a.Name} / {b.Name} | {a.Name} p50 / p95 ms | {b.Name} p50 / p95 ms | p50 {b.Name} / {a.Name} |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var i in selected)
        {
            var (p50A, p95A, p50B, p95B) = (Percentile(times[i].A, 50), Percentile(times[i].A, 95), Percentile(times[i].B, 50), Percentile(times[i].B, 95));
            var flag = p50B > 1.5 * p50A ? " **over 1.5×**" : "";
            Console.WriteLine($"| {queriesA[i].Label} | {totals[(i, 0)]} / {totals[(i, 1)]} | {p50A:N1} / {p95A:N1} | {p50B:N1} / {p95B:N1} | {p50B / p50A:N2}×{flag} |");
        }

        Console.WriteLine($"\n## Query plans on {b.Name} (EXPLAIN QUERY PLAN of each statement sent)\n");
        foreach (var i in selected)
        {
            b.Sql.Start();
            await SendAsync(b.Services, queriesB[i].Query, queriesB[i].Label);
            Console.WriteLine($"### {queriesB[i].Label}\n\n{QueryPlans.Explain(b.Path, b.Sql.Stop())}");
        }
    }

    private static string Count(PagedList<TicketRow> page) =>
        page.TotalCount.ToString("N0", CultureInfo.InvariantCulture) + (page.TotalCountIsCapped ? "+" : "");

    private static async Task<double> TimeAsync(IServiceProvider services, ListTicketsQuery query)
    {
        var started = Stopwatch.GetTimestamp();
        await SendAsync(services, query, "");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<PagedList<TicketRow>> SendAsync(IServiceProvider services, ListTicketsQuery query, string label)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"{label}: {result.Error.Message}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
