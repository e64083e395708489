using System.Globalization;
using System.Text.Json;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>One hand-labelled line of a corpus file (<see cref="System"/> only in the Coretax corpus).</summary>
public sealed record LabelledTicket(
    string Id,
    string Text,
    string? Activity,
    DateTimeOffset? ReportedAt,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOn,
    int RecentSameCodeReports,
    Scenario Scenario,
    Cause Cause,
    string? ErrorCode,
    TaxSystem? System = null)
{
    public ClassificationInput ToInput() =>
        new(null, Text, Activity, CertificateIssuedOn, CertificateExpiresOn, ReportedAt, RecentSameCodeReports);

    public static IReadOnlyList<LabelledTicket> Load(string fileName) =>
        File.ReadLines(TestPaths.InRepository("src", "MsmHelpdesk.Domain", "Classification", "Corpus", fileName))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(Parse)
            .ToList();

    private static LabelledTicket Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var id = Text("id")!;
        return new LabelledTicket(
            id,
            Text("text") ?? "",
            Text("activity"),
            Text("reportedAt") is { } reported ? DateTimeOffset.Parse(reported, CultureInfo.InvariantCulture) : null,
            Text("certificateIssuedOn") is { } issued ? DateOnly.ParseExact(issued, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Text("certificateExpiresOn") is { } expires ? DateOnly.ParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            root.TryGetProperty("recentSameCodeReports", out var reports) ? reports.GetInt32() : 0,
            Wire.ParseScenario(Text("scenario")!) ?? throw new InvalidDataException($"{id}: unknown scenario"),
            Wire.ParseCause(Text("cause")!) ?? throw new InvalidDataException($"{id}: unknown cause"),
            Text("errorCode"),
            Text("system") is { } system ? Wire.ParseSystem(system) : null);
    }
}
