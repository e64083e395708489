using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>
/// Classifies tickets in bulk. A fixed contract: JSON Lines on standard input, one object per ticket
/// {"id", "text", "reportedAt"?, "certificateIssuedOn"?, "certificateExpiresOn"?}; one JSON line out per ticket
/// {"id","errorCode","scenario","scenarioConfidence","cause","causeConfidence","evidence","system"}, or {"id","error"} for a
/// line that cannot be read. Blank lines are skipped; the exit code is 0.
/// </summary>
public sealed class ClassifyCommand(Func<IServiceProvider, Catalogue> catalogueSource) : ICliCommand
{
    /// <summary>The catalogue in force in the configured database (the seeded default on a fresh one), as the app uses.</summary>
    public ClassifyCommand()
        : this(services => services.GetRequiredService<MsmHelpdesk.Application.Common.Persistence.IKnowledgeStore>()
            .CurrentAsync(CancellationToken.None).GetAwaiter().GetResult().Catalogue)
    {
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Verb => "classify";

    public string Usage => """
        msmhelpdesk classify < tickets.jsonl
            Classify ETAX-40002 tickets: one JSON object per line in ({"id","text","reportedAt"?,"certificateIssuedOn"?,
            "certificateExpiresOn"?}), one JSON line out per ticket (error code, scenario, cause, confidences, evidence,
            system: efaktur-desktop, coretax or unknown). The report date counts: DJP's rules changed in 2025.
        """;

    public bool NeedsDatabase => true;

    public async Task<int> RunAsync(CliContext context)
    {
        var classifier = new Classifier(catalogueSource(context.Services));
        var buffer = new ArrayBufferWriter<byte>();
        while (await context.Input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                WriteAnswer(writer, line, classifier);
            }

            await context.Output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        await context.Output.FlushAsync();
        return CliApp.Ok;
    }

    private static void WriteAnswer(Utf8JsonWriter writer, string line, Classifier classifier)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            WriteError(writer, null, "invalid JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                WriteError(writer, null, "expected a JSON object");
                return;
            }

            JsonElement? id = root.TryGetProperty("id", out var given) && given.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? given : null;
            if (id is null)
            {
                WriteError(writer, null, "missing id (a string or a number)");
                return;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                WriteError(writer, id, "missing text");
                return;
            }

            if (!TryDate(root, "reportedAt", TryInstant, out DateTimeOffset? reportedAt)
                || !TryDate(root, "certificateIssuedOn", TryDateOnly, out DateOnly? issuedOn)
                || !TryDate(root, "certificateExpiresOn", TryDateOnly, out DateOnly? expiresOn))
            {
                WriteError(writer, id, "reportedAt, certificateIssuedOn and certificateExpiresOn must be ISO 8601 dates");
                return;
            }

            var result = classifier.Classify(new ClassificationInput(null, text.GetString(), null, issuedOn, expiresOn, reportedAt));
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.Value.WriteTo(writer);
            if (result.ErrorCodes.Count > 0)
            {
                writer.WriteString("errorCode", result.ErrorCodes[0]);
            }
            else
            {
                writer.WriteNull("errorCode");
            }

            writer.WriteString("scenario", Wire.Of(result.Scenario));
            writer.WriteNumber("scenarioConfidence", Math.Round(result.ScenarioConfidence, 2));
            writer.WriteString("cause", Wire.Of(result.Cause));
            writer.WriteNumber("causeConfidence", Math.Round(result.CauseConfidence, 2));
            writer.WriteStartArray("evidence");
            foreach (var evidence in result.Evidence)
            {
                writer.WriteStringValue(Describe(evidence));
            }

            writer.WriteEndArray();
            writer.WriteString("system", Wire.Of(result.System)); // issue 14: the one field added; the others keep their spelling and meaning
            writer.WriteEndObject();
        }
    }

    /// <summary>"cause:expired-certificate ← "sertifikat sudah lebih dari 2 tahun"", with the weight when it counts against.</summary>
    private static string Describe(Evidence evidence)
    {
        var text = $"{evidence.Points} ← \"{evidence.Text}\"";
        if (evidence.Weight < 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({evidence.Weight:0.##})");
        }

        return evidence.Source switch
        {
            EvidenceSource.Learned => text + " (learned)",
            EvidenceSource.Model => text + " (model)",
            _ => text,
        };
    }

    private static void WriteError(Utf8JsonWriter writer, JsonElement? id, string reason)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        if (id is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString("error", reason);
        writer.WriteEndObject();
    }

    private delegate bool Parser<T>(string text, IFormatProvider provider, DateTimeStyles styles, out T value);

    private static bool TryDate<T>(JsonElement root, string name, Parser<T> parse, out T? value) where T : struct
    {
        value = null;
        if (!root.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String || !parse(property.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    // Without an offset the instant is taken as UTC, so the answer does not depend on the machine's time zone.
    private static bool TryInstant(string text, IFormatProvider provider, DateTimeStyles styles, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, provider, styles | DateTimeStyles.AssumeUniversal, out value);

    private static bool TryDateOnly(string text, IFormatProvider provider, DateTimeStyles styles, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", provider, styles, out value);
}
