using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>`msmhelpdesk seed-demo`: realistic clients and tickets for demos and load tests.</summary>
public sealed class SeedDemoCommand : ICliCommand
{
    public string Verb => "seed-demo";

    public string Usage => """
        msmhelpdesk seed-demo [--clients N] [--tickets N] [--seed S] [--append]
            Fill the database with demo clients (default 500) and tickets (default 20000) reported over the last
            two years; the same seed gives the same data. Refuses a database that already has tickets unless
            --append is given; appended tickets go only to the new demo clients, so give --clients N with it.
            Progress goes to standard error.
        """;

    public IReadOnlyCollection<string> Flags => ["append"];

    public async Task<int> RunAsync(CliContext context)
    {
        if (!TryNumber(context, "clients", 500, out var clients) || !TryNumber(context, "tickets", 20_000, out var tickets)
            || !TryNumber(context, "seed", 1, out var seed) || context.Arguments.Count > 0)
        {
            await context.Error.WriteLineAsync("usage: " + Usage.Split('\n')[0].Trim());
            return CliApp.Usage;
        }

        var seeder = new DemoDataSeeder(
            context.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(),
            context.Services.GetRequiredService<TimeProvider>());
        var append = context.Flag("append");
        var existing = await seeder.CountTicketsAsync();
        if (existing > 0 && !append)
        {
            await context.Error.WriteLineAsync(
                $"error: the database already has {existing.ToString("N0", CultureInfo.InvariantCulture)} tickets; add --append to seed more into it.");
            return CliApp.Failed;
        }

        var result = await seeder.SeedAsync(new DemoSeedOptions(clients, tickets, seed, append), progress =>
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{progress.Phase}: {progress.Done:N0} / {progress.Total:N0} ({progress.Elapsed.TotalSeconds:N1} s)")));

        var numbers = string.Join(", ", result.LastNumberByYear.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value:N0}"));
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {result.Clients:N0} clients, {result.Contacts:N0} contacts, {result.Tickets:N0} tickets and {result.TimelineEntries:N0} timeline entries in {result.Elapsed.TotalSeconds:N1} s."));
        if (numbers.Length > 0)
        {
            await context.Output.WriteLineAsync($"Last ticket number per year: {numbers}.");
        }

        return CliApp.Ok;
    }

    private static bool TryNumber(CliContext context, string option, int fallback, out int value)
    {
        value = fallback;
        return context.Option(option) is not { } text
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
    }
}
