using System.Text;

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
/// RFC 4180 records: quoted fields may hold separators, newlines and doubled quotes; lines end in CRLF, LF or
/// CR. Indonesian Excel writes ';' between fields (the comma is its decimal separator), so the separator is
/// taken from the header line. Unquoted fields are read leniently: a quote inside one is kept as text.
/// </summary>
public static class CsvReader
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

    /// <summary>';' when the first record has more semicolons than commas outside quotes, otherwise ','.</summary>
    public static char DetectSeparator(string text)
    {
        var commas = 0;
        var semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    public static IEnumerable<CsvRecord> Read(string text, char separator)
    {
        var position = 0;
        var line = 1;
        var field = new StringBuilder();
        while (position < text.Length)
        {
            var recordLine = line;
            var fields = new List<string>();
            CsvProblem? problem = null;
            while (true)
            {
                field.Clear();
                if (position < text.Length && text[position] == '"')
                {
                    position++;
                    problem = ReadQuoted(text, ref position, ref line, field) ?? problem;
                    while (position < text.Length && text[position] != separator && text[position] is not ('\r' or '\n'))
                    {
                        if (!char.IsWhiteSpace(text[position]))
                        {
                            problem ??= CsvProblem.TextAfterQuote;
                            field.Append(text[position]);
                        }

                        position++;
                    }
                }
                else
                {
                    while (position < text.Length && text[position] != separator && text[position] is not ('\r' or '\n'))
                    {
                        field.Append(text[position++]);
                    }
                }

                fields.Add(field.ToString());
                if (position < text.Length && text[position] == separator)
                {
                    position++;
                    continue;
                }

                if (position < text.Length)
                {
                    position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                    line++;
                }

                break;
            }

            yield return new CsvRecord(recordLine, fields, problem);
        }
    }

    /// <summary>Reads up to and past the closing quote; newlines inside become '\n' and still count as lines.</summary>
    private static CsvProblem? ReadQuoted(string text, ref int position, ref int line, StringBuilder field)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position += 2;
                    continue;
                }

                position++;
                return null;
            }

            if (c is '\r' or '\n')
            {
                position += c == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                line++;
                field.Append('\n');
                continue;
            }

            field.Append(c);
            position++;
        }

        return CsvProblem.UnclosedQuote;
    }
}
