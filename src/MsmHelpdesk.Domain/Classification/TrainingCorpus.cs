using System.Globalization;
using System.Text.Json;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>One labelled ticket the text model learns from.</summary>
/// <remarks>The ETAX corpora carry no system label: they were written about the e-Faktur desktop app, so they count as efaktur-desktop.</remarks>
internal sealed record TrainingTicket(string Id, ClassificationInput Input, Scenario Scenario, Cause Cause, TaxSystem System = TaxSystem.EfakturDesktop);

/// <summary>
/// The labelled tickets embedded in this assembly at build time (see MsmHelpdesk.Domain.csproj): the independent
/// writers' train and dev splits (dev since decision 0101, once every setting was fixed by cross-validation on
/// train), the Coretax corpus's train and dev splits (decision 0102) and the project's old corpus. Never a frozen test split.
/// </summary>
internal static class TrainingCorpus
{
    private const string Prefix = "MsmHelpdesk.Domain.Classification.Training.";

    public static IReadOnlyList<TrainingTicket> Load()
    {
        var tickets = new List<TrainingTicket>();
        foreach (var name in ResourceNames())
        {
            using var stream = Open(name);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    tickets.Add(Parse(line));
                }
            }
        }

        return tickets;
    }

    /// <summary>The embedded corpus files, in the order they are read.</summary>
    public static IEnumerable<string> ResourceNames() =>
        typeof(TrainingCorpus).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static Stream Open(string resourceName) => typeof(TrainingCorpus).Assembly.GetManifestResourceStream(resourceName)!;

    /// <summary>A line in the corpus format (id, text, scenario, cause, optional activity and facts).</summary>
    public static TrainingTicket Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var id = Text("id") ?? throw new InvalidDataException("a ticket without id");
        var input = new ClassificationInput(
            null,
            Text("text") ?? "",
            Text("activity"),
            Text("certificateIssuedOn") is { } issued ? DateOnly.ParseExact(issued, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Text("certificateExpiresOn") is { } expires ? DateOnly.ParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Text("reportedAt") is { } reported ? DateTimeOffset.Parse(reported, CultureInfo.InvariantCulture) : null,
            root.TryGetProperty("recentSameCodeReports", out var reports) && reports.ValueKind == JsonValueKind.Number ? reports.GetInt32() : 0);
        return new TrainingTicket(
            id,
            input,
            Wire.ParseScenario(Text("scenario") ?? "") ?? throw new InvalidDataException($"{id}: unknown scenario"),
            Wire.ParseCause(Text("cause") ?? "") ?? throw new InvalidDataException($"{id}: unknown cause"),
            Text("system") is { } system ? Wire.ParseSystem(system) ?? throw new InvalidDataException($"{id}: unknown system") : TaxSystem.EfakturDesktop);
    }
}
