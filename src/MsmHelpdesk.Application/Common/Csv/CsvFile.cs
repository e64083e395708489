using System.Text;
using CsvHelper;

namespace MsmHelpdesk.Application.Common.Csv;

/// <summary>One record of a CSV file and the line it starts on (1-based, as a text editor counts lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, CsvProblem? Problem)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

public enum CsvProblem
{
    /// <summary>A quoted field is never closed: the rest of the file was swallowed into it.</summary>
    UnclosedQuote,

    /// <summary>Text follows a field's closing quote, as in <c>"PT Maju"Jaya</c>.</summary>
    TextAfterQuote,
}

/// <summary>
/// Reads uploaded CSV through CsvHelper (RFC 4180: quoted fields may hold separators, newlines and doubled
/// quotes; lines end in CRLF, LF or CR). Indonesian Excel writes ';' between fields (the comma is its decimal
/// separator), so the separator is detected from the file. A quote inside an unquoted field is kept as text;
/// a quote never closed or text after a closing quote marks its record, so the import can name the line.
/// </summary>
public static class CsvFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 with or without BOM; a file that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    /// <summary>The separator CsvHelper detects from the first lines (',' ';' tab or '|'; ',' for a one-column file).</summary>
    public static char DetectSeparator(string text)
    {
        using var reader = CsvReader.FromText(text, Options(separator: null, problems: null));
        reader.ReadHeader();
        return reader.Separator;
    }

    /// <summary>Every record, blank lines included (as records of no fields), each with the line it starts on.</summary>
    public static IReadOnlyList<CsvRecord> Read(string text, char? separator = null)
    {
        var problems = new Dictionary<long, CsvProblem>();
        using var reader = CsvReader.FromText(text, Options(separator, problems));
        var read = new List<(long Line, string[] Fields)>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                // A line break inside a quoted field reads as '\n' whatever the file's line endings.
                var field = reader.GetString(i);
                fields[i] = field.Contains('\r', StringComparison.Ordinal) ? field.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : field;
            }

            read.Add((reader.LineNumber, fields));
        }

        // Problems are matched after the whole text is read: the reader may report a record while scanning ahead.
        return read.Select(record => new CsvRecord(
            checked((int)record.Line), record.Fields, problems.TryGetValue(record.Line, out var problem) ? problem : null)).ToList();
    }

    private static CsvReaderOptions Options(char? separator, Dictionary<long, CsvProblem>? problems) => CsvReaderOptions.Default with
    {
        Separator = separator,
        HasHeader = false,
        SkipEmptyLines = false,
        TrackLineNumbers = true,
        // Spaces around a field (also between a closing quote and the separator) are not data; the import trims anyway.
        TrimWhitespace = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        OnMalformedRecord = problems is null ? null : record =>
        {
            // A stray quote inside unquoted text ("PT "Maju" Jaya") is read as text, as Excel does.
            CsvProblem? problem = record.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => CsvProblem.UnclosedQuote,
                CsvMalformedReason.TextAfterClosingQuote => CsvProblem.TextAfterQuote,
                _ => null,
            };
            if (problem is { } found)
            {
                problems.TryAdd(record.LineNumber, found);
            }
        },
    };
}
