using System.Globalization;
using System.Text.Json;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>One labelled ticket the text model learns from.</summary>
/// <remarks>The ETAX corpora carry no system label: they were written about the e-Faktur desktop app, so they count as efaktur-desktop.</remarks>
internal sealed record TrainingTicket(string Id, ClassificationInput Input, Scenario Scenario, Cause Cause, TaxSystem System = TaxSystem.EfakturDesktop);

/// <summary>
/// The labelled tickets the shipped models learn from: the independent writers' train and dev splits (dev since decision
/// 0101, once every setting was fixed by cross-validation on train), the Coretax corpus's train and dev splits (decision
/// 0102) and the project's old corpus. Never a frozen test split. Shipped as files in <see cref="Folder"/> next to the
/// application (see MsmHelpdesk.Domain.csproj), read through a <see cref="FileStream"/>: embedded in the assembly, their
/// 4.5 MB stayed resident in the process's mapping of it after the stored models' key was computed (decision 0199).
/// </summary>
internal static class TrainingCorpus
{
    /// <summary>The folder next to the application that holds the corpus files.</summary>
    public const string Folder = "classifier-corpus";

    /// <summary>The names the files go by in the stored models' key: the resource names they had when embedded (decision 0193), so the key hashes the same bytes.</summary>
    private const string Prefix = "MsmHelpdesk.Domain.Classification.Training.";

    /// <summary>The corpus files, in ordinal order (the order they are read and hashed in).</summary>
    private static readonly string[] Files = ["coretax-dev.jsonl", "coretax-train.jsonl", "corpus.jsonl", "dev.jsonl", "train.jsonl"];

    public static string FolderPath => Path.Combine(AppContext.BaseDirectory, Folder);

    /// <summary>Every ticket of the corpus files in <paramref name="folder"/> (default <see cref="FolderPath"/>).</summary>
    public static IReadOnlyList<TrainingTicket> Load(string? folder = null)
    {
        var tickets = new List<TrainingTicket>();
        foreach (var name in Names())
        {
            using var stream = Open(name, folder);
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

    /// <summary>The corpus files' names, in the order they are read.</summary>
    public static IEnumerable<string> Names() => Files.Select(file => Prefix + file);

    /// <summary>A corpus file by its name (from <see cref="Names"/>); a missing file is an error that says where it was looked for.</summary>
    public static FileStream Open(string name, string? folder = null)
    {
        var path = Path.Combine(folder ?? FolderPath, name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The classifier's training corpus file {path} is missing. The build copies src/MsmHelpdesk.Domain/Classification/Corpus's "
                + $"train and dev files to {Folder}/ next to the application (decision 0199): build or publish the application again.", path);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

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
