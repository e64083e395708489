using System.Text.RegularExpressions;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// Passphrases and e-Nofa passwords must never be stored (PENG-12/PJ.09/2018). Finds text that looks like it
/// carries one ("passphrase: Rahasia123", "password sertifikat = ...", "kata sandi efaktur: ...") and
/// blanks the value out.
/// </summary>
public static partial class SecretGuard
{
    public const string Redacted = "[disamarkan]";

    public static bool ContainsSecret(string? text) => !string.IsNullOrEmpty(text) && Secret().IsMatch(text);

    public static string Redact(string text) =>
        Secret().Replace(text, match => match.Value[..(match.Groups["value"].Index - match.Index)] + Redacted);

    // A keyword, optional qualifier words, a separator (: = is adalah), then a value of 4+ non-space characters
    // that is not already redacted.
    [GeneratedRegex(
        @"\b(?:pass\s?phrase|passphrase|password|passwd|pwd|kata\s+sandi|sandi|pin)\b(?:\s+(?:sertifikat|sertel|e-?nofa|efaktur|e-faktur|nya|baru|lama))*\s*(?::|=|\bis\b|\badalah\b|\byaitu\b)\s*(?<value>(?!\[disamarkan\])\S{4,})",
        RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
