using System.Text;
using System.Text.RegularExpressions;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// Decides a file's type from its bytes, and whether its name fits that type. Allowed: PNG, JPEG, GIF, WebP, PDF,
/// ZIP, plain text (logs, CSV, JSON) and XML without active content. Anything that sniffs as a web page or a
/// picture that runs script (HTML, SVG, XHTML: a tag at the start, even after a comment, a BOM or blanks, or script,
/// frames and event handlers anywhere) is refused whatever its name: a browser would run it.
/// </summary>
public static partial class FileSignature
{
    public const string PlainText = "text/plain";
    public const string Xml = "application/xml";

    /// <summary>The extensions a file of each detected type may carry (lower case, with the dot).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Extensions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["image/png"] = [".png"],
        ["image/jpeg"] = [".jpg", ".jpeg", ".jfif"],
        ["image/gif"] = [".gif"],
        ["image/webp"] = [".webp"],
        ["application/pdf"] = [".pdf"],
        ["application/zip"] = [".zip", ".docx", ".xlsx"],
        [PlainText] = [".txt", ".log", ".csv", ".tsv", ".json", ".ini", ".cfg"],
        [Xml] = [".xml"],
    };

    /// <summary>The type the content really has, or null when it is not one we keep (unknown binary, markup).</summary>
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

        return TextType(content);
    }

    /// <summary>True when the content is text that a browser would render as a page or run (see the class summary).</summary>
    public static bool IsMarkup(ReadOnlySpan<byte> content) => DecodeText(content) is { } text && SniffsAsMarkup(text);

    /// <summary>True when <paramref name="fileName"/>'s extension is one a file of <paramref name="contentType"/> may carry.</summary>
    public static bool ExtensionFits(string fileName, string contentType) =>
        Extensions.TryGetValue(contentType, out var allowed) && allowed.Contains(Path.GetExtension(fileName).ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The content as text when it is UTF-8 without control characters (other than tabs, line and page breaks); else null.</summary>
    public static string? DecodeText(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        // Logs hold printable text; control characters (other than tabs and line breaks) mean binary.
        return text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) ? null : text;
    }

    private static string? TextType(ReadOnlySpan<byte> content)
    {
        if (DecodeText(content) is not { } text || SniffsAsMarkup(text))
        {
            return null;
        }

        return Head(text).StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) ? Xml : PlainText;
    }

    private static bool SniffsAsMarkup(string text)
    {
        if (ActiveMarkup().IsMatch(text))
        {
            return true;
        }

        // A document that opens with a tag or a comment is a page to a browser; an XML declaration is data (checked above for script).
        var head = Head(text);
        return head.StartsWith('<') && !head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text from its first visible character: BOM, blanks and invisible format characters skipped.</summary>
    private static string Head(string text) =>
        text.TrimStart().TrimStart('\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u00A0').TrimStart();

    [GeneratedRegex(
        @"<\s*/?\s*(?:(?:script|svg|html|iframe|frame|frameset|object|embed|applet|body|head|meta|link|base|form|math|foreignObject)(?![\w-])|xsl:|!doctype|!entity|\?xml-stylesheet)|xmlns\s*=\s*[""']?http://www\.w3\.org/1999/xhtml|<[a-z][^>]*\son[a-z]+\s*=|(?:javascript|vbscript)\s*:|data\s*:\s*text/html",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActiveMarkup();
}
