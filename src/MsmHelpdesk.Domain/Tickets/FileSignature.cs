using System.Text;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// Decides a file's type from its first bytes. Allowed: PNG, JPEG, GIF, WebP, PDF, ZIP and plain text
/// (logs). HTML and SVG are refused: a browser would run their scripts.
/// </summary>
public static class FileSignature
{
    public static string? AllowedContentType(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return null;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return "application/zip";
        }

        return IsPlainText(content) ? "text/plain" : null;
    }

    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 8192)];
        if (sample.Contains((byte)0))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(sample.Length < content.Length ? TrimPartialCharacter(sample) : sample);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        // Logs hold printable text; control characters (other than tabs and line breaks) mean binary.
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
        {
            return false;
        }

        var head = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        string[] markup = ["<!doctype", "<html", "<svg", "<?xml", "<script", "<head", "<body", "<iframe"];
        return !markup.Any(tag => head.StartsWith(tag, StringComparison.Ordinal))
            && !text.Contains("<script", StringComparison.OrdinalIgnoreCase)
            && !text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A sample cut mid-character is still text: drop the trailing incomplete UTF-8 sequence.</summary>
    private static ReadOnlySpan<byte> TrimPartialCharacter(ReadOnlySpan<byte> sample)
    {
        var end = sample.Length;
        for (var back = 1; back <= 3 && end - back >= 0; back++)
        {
            var b = sample[end - back];
            if ((b & 0xC0) != 0x80)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? sample[..(end - back)] : sample;
            }
        }

        return sample;
    }
}
