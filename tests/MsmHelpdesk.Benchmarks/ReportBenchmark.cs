using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Benchmarks;

/// <summary>
/// `--mode reports`: times every section of the resolution report and the whole dashboard (all sections, one
/// query as the page sends it) through the mediator, for the default range (last 90 days), a whole year, the
/// full two years of demo history, one consultant (90 days, a year) and one error code (a year).
/// </summary>
internal static class ReportBenchmark
{
    public static async Task RunAsync(IServiceProvider services, SqlCapture sql, string databasePath, string seeding, int runs, string? only = null)
    {
        var today = Wib.Today(TimeProvider.System);
        var consultant = await FirstConsultantAsync(services)
            ?? throw new InvalidOperationException("No consultant to filter by: the benchmark database has no staff.");
        var filters = new (string Label, ReportFilter Filter)[]
        {
            ($"default: last {ReportFilter.DefaultDays} days", new ReportFilter()),
            ("one year", new ReportFilter { From = today.AddDays(-364), To = today }),
            ("two years (all demo history)", new ReportFilter { From = today.AddDays(-731), To = today }),
            ($"last {ReportFilter.DefaultDays} days, one consultant", new ReportFilter { AssigneeId = consultant }),
            ("one year, one consultant", new ReportFilter { From = today.AddDays(-364), To = today, AssigneeId = consultant }),
            ("one year, error code ETAX-40002", new ReportFilter { From = today.AddDays(-364), To = today, ErrorCode = "ETAX-40002" }),
        };

        var rows = new List<string>();
        var plans = new List<string>();
        // --only "two years" times the ranges whose label contains it (a run over all six takes long at a million tickets).
        foreach (var (label, filter) in filters.Where(filter => only is null || filter.Label.Contains(only, StringComparison.Ordinal)))
        {
            rows.Add(await TimeAsync(services, $"**whole dashboard** ({label})", new GetReportQuery { Filter = filter }, runs, "< 1 s"));
            foreach (var section in ReportSections.All)
            {
                var query = new GetReportQuery { Filter = filter, Sections = [section.Name] };
                rows.Add(await TimeAsync(services, $"{section.Name} ({label})", query, runs, ""));
                if (filter.From is null && filter.AssigneeId is null)
                {
                    sql.Start();
                    await SendAsync(services, query);
                    plans.Add($"### {section.Name} ({label})\n\n{QueryPlans.Explain(databasePath, sql.Stop())}");
                }
            }
        }

        Console.WriteLine($"## MsmHelpdesk report benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite)\n");
        Console.WriteLine(seeding + ".\n");
        Console.WriteLine($"{runs} runs each after 2 warm-up runs; times include the mediator pipeline and a fresh DbContext.\n");
        Console.WriteLine("| report | p50 | p95 | goal |");
        Console.WriteLine("|---|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("## Query plans (EXPLAIN QUERY PLAN of each statement a section sends, default range)\n");
        plans.ForEach(Console.WriteLine);
    }

    private static async Task<string> TimeAsync(IServiceProvider services, string label, GetReportQuery query, int runs, string goal)
    {
        for (var i = 0; i < 2; i++)
        {
            var warmUp = await SendAsync(services, query);
            if (!warmUp.IsSuccess)
            {
                throw new InvalidOperationException($"{label}: {warmUp.Error.Message}");
            }
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await SendAsync(services, query);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var (p50, p95) = (Percentile(times, 50), Percentile(times, 95));
        Console.Error.WriteLine($"{label}: p50 {p50:N1} ms, p95 {p95:N1} ms");
        return $"| {label} | {p50:N1} ms | {p95:N1} ms | {goal} |";
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, IQuery<T> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static async Task<string?> FirstConsultantAsync(IServiceProvider services)
    {
        var result = await SendAsync(services, new MsmHelpdesk.Application.Features.Tickets.ListStaffQuery());
        return result.IsSuccess ? result.Value.FirstOrDefault()?.Id : null;
    }
}
