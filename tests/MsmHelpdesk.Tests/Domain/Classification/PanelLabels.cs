using System.Text.Json;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// Decision 0117's reference labels for frozen set v2: per ticket and field, the label at least two of three blind readers
/// gave (the writer and two annotators); when all three differ, the writer's. A missing or unreadable annotator label
/// counts as agreeing with the writer.
/// </summary>
internal static class PanelLabels
{
    /// <summary>One annotator's labels by ticket id (a field it did not give or gave in no known spelling is null).</summary>
    public sealed record Reading(Scenario? Scenario, Cause? Cause, TaxSystem? System);

    public static IReadOnlyDictionary<string, Reading> Load(string fileName)
    {
        var readings = new Dictionary<string, Reading>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(CorpusTests.CorpusFile(fileName)).Where(line => !string.IsNullOrWhiteSpace(line)))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (Text("id") is { } id)
            {
                readings.TryAdd(id, new Reading(
                    Text("scenario") is { } scenario ? Wire.ParseScenario(scenario) : null,
                    Text("cause") is { } cause ? Wire.ParseCause(cause) : null,
                    Text("system") is { } system ? Wire.ParseSystem(system) : null));
            }
        }

        return readings;
    }

    /// <summary>The writers' tickets with each field replaced by the panel's reference label.</summary>
    public static IReadOnlyList<LabelledTicket> Reference(
        IReadOnlyList<LabelledTicket> tickets, IReadOnlyDictionary<string, Reading> first, IReadOnlyDictionary<string, Reading> second) =>
        tickets.Select(ticket =>
        {
            var a = first.GetValueOrDefault(ticket.Id);
            var b = second.GetValueOrDefault(ticket.Id);
            return ticket with
            {
                Scenario = Majority(ticket.Scenario, a?.Scenario, b?.Scenario),
                Cause = Majority(ticket.Cause, a?.Cause, b?.Cause),
                System = ticket.System is { } system ? Majority(system, a?.System, b?.System) : null,
            };
        }).ToList();

    /// <summary>The label two of the three gave, else the writer's; an annotator with no label agrees with the writer.</summary>
    public static T Majority<T>(T writer, T? first, T? second)
        where T : struct
    {
        var a = first ?? writer;
        var b = second ?? writer;
        return EqualityComparer<T>.Default.Equals(a, b) ? a : writer;
    }

    /// <summary>Share of tickets on which two readers agree, and Cohen's κ (agreement beyond what their label shares give by chance).</summary>
    public static (double Agreement, double Kappa) Agreement<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
        where T : notnull
    {
        var n = first.Count;
        var observed = first.Zip(second).Count(pair => EqualityComparer<T>.Default.Equals(pair.First, pair.Second)) / (double)n;
        var firstShares = first.GroupBy(label => label).ToDictionary(group => group.Key, group => group.Count() / (double)n);
        var chance = second.GroupBy(label => label).Sum(group => firstShares.GetValueOrDefault(group.Key) * group.Count() / n);
        return (observed, chance >= 1 ? 1 : (observed - chance) / (1 - chance));
    }
}
