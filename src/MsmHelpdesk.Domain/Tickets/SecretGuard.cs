using System.Text.RegularExpressions;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// Passphrases and e-Nofa passwords must never be stored (PENG-12/PJ.09/2018). Finds text that carries one
/// ("passphrase: Rahasia123", "sandinya Jakarta2024", "kata sandi e-nofa：qwerty99!", the value on the next line)
/// and blanks the value out, while sentences about passphrases ("passphrase-nya salah", "lupa passphrase") pass.
/// How it decides is in docs/decisions/0152-secret-detector-and-input-normaliser.md.
/// </summary>
public static partial class SecretGuard
{
    public const string Redacted = "[disamarkan]";

    /// <summary>Words a sentence about a passphrase puts where a value would stand ("passphrase: salah", "password is wrong").</summary>
    private static readonly HashSet<string> OrdinaryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "salah", "benar", "keliru", "sudah", "belum", "lupa", "terlupa", "hilang", "tidak", "tak", "ada", "kosong", "sama", "beda", "berbeda",
        "diganti", "ganti", "berubah", "diubah", "direset", "reset", "diperbarui", "baru", "lama", "expired", "kedaluwarsa",
        "kadaluarsa", "kadaluwarsa", "habis", "terkunci", "diblokir", "ditolak", "gagal", "bermasalah", "error", "valid", "invalid", "oke",
        "masih", "akan", "sedang", "pernah", "harus", "wajib", "perlu", "bisa", "dapat", "dikirim", "diminta", "minta", "tanya", "ditanyakan",
        "dicek", "cek", "dikonfirmasi", "disimpan", "tersimpan", "dicatat", "diketik", "ketik", "nanti", "kemarin", "besok", "hari", "tolong",
        "mohon", "harap", "jangan", "yang", "dan", "atau", "dengan", "untuk", "dari", "oleh", "pada", "karena", "tapi", "tetapi", "juga",
        "klien", "client", "saya", "kami", "kita", "dia", "mereka", "bapak", "ibu", "pak", "mas", "mbak", "sdr", "terima", "kasih",
        "wrong", "incorrect", "correct", "changed", "forgotten", "forgot", "lost", "unknown", "required", "needed", "missing", "empty",
        "same", "different", "none", "still", "again", "later", "please", "never", "with", "from", "that", "this", "the", "will",
    };

    public static bool ContainsSecret(string? text) => !string.IsNullOrEmpty(text) && FindValues(text).Count > 0;

    public static string Redact(string text)
    {
        var result = text;
        foreach (var (start, length) in FindValues(text).OrderByDescending(span => span.Start))
        {
            result = string.Concat(result.AsSpan(0, start), Redacted, result.AsSpan(start + length));
        }

        return result;
    }

    /// <summary>Where each secret value sits in <paramref name="text"/> (start, length), in order.</summary>
    public static IReadOnlyList<(int Start, int Length)> FindValues(string text)
    {
        var found = new List<(int Start, int Length)>();
        foreach (Match keyword in Keyword().Matches(text))
        {
            var position = keyword.Index + keyword.Length;
            for (var qualifier = Qualifier().Match(text, position); qualifier.Success && qualifier.Index == position; qualifier = Qualifier().Match(text, position))
            {
                position += qualifier.Length;
            }

            // Free words between the keyword and a colon ("passphrase yang dikirim Pak Budi: ...") count only when
            // both the separator and the value are unmistakable.
            for (var freeWords = 0; freeWords <= 3; freeWords++)
            {
                if (ValueAt(text, position, freeWords > 0) is { } value)
                {
                    found.Add(value);
                    break;
                }

                var word = FreeWord().Match(text, position);
                if (!word.Success || word.Index != position)
                {
                    break;
                }

                position += word.Length;
            }
        }

        return found;
    }

    private static (int Start, int Length)? ValueAt(string text, int position, bool afterFreeWords)
    {
        var tail = Tail().Match(text, position);
        if (!tail.Success || tail.Index != position)
        {
            return null;
        }

        var value = tail.Groups["value"];
        // Redacted up to trailing punctuation; judged without a closing '?' or '!' either.
        if (value.Value.EndsWith(':') || value.Value.EndsWith('：'))
        {
            return null; // a label ("PT Maju:"), the value follows it
        }

        var trimmed = value.Value.TrimEnd('.', ',', ';', ')');
        var core = trimmed.TrimEnd('?', '!', '.', ',', ';', ')');
        if (core.Length < 4 || trimmed.Contains(Redacted, StringComparison.Ordinal) || core.StartsWith('[') || LooksLikeData(core))
        {
            return null;
        }

        var strongSeparator = tail.Groups["colon"].Success;
        var secret = afterFreeWords
            ? strongSeparator && LooksRandom(core)
            : LooksRandom(core) || (strongSeparator && Word().IsMatch(core) && !OrdinaryWords.Contains(core) && StandsAlone(text, value, trimmed));
        return secret ? (value.Index, trimmed.Length) : null;
    }

    /// <summary>
    /// A plain word is a value only when nothing but punctuation or a line break follows it: "passphrase: Rahasia" is
    /// one, "passphrase: huruf besar dan kecil dibedakan" a sentence.
    /// </summary>
    private static bool StandsAlone(string text, Group value, string trimmed)
    {
        if (trimmed.Length < value.Length)
        {
            return true;
        }

        var next = value.Index + value.Length;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        return next == text.Length || text[next] is '\n' or '\r' or '.' or ',' or ';' or ')' or '"' or '\'' or '”' or '’';
    }

    /// <summary>Digits with letters, a symbol, a capital inside the word, or a number that is not a year: what passwords are made of.</summary>
    private static bool LooksRandom(string value)
    {
        if (Word().IsMatch(value))
        {
            // "RahasiaKu" is made up; "case-sensitive" and "berkali-kali" are words.
            return !value.Contains('-', StringComparison.Ordinal) && value.Skip(1).Any(char.IsUpper) && value.Any(char.IsLower);
        }

        var letters = value.Count(char.IsLetter);
        var digits = value.Count(char.IsDigit);
        var symbols = value.Length - letters - digits;
        if (letters == 0 && symbols == 0)
        {
            return !Year().IsMatch(value);
        }

        return (letters > 0 && digits > 0) || (symbols > 0 && letters + digits > 0);
    }

    /// <summary>Error codes, ticket numbers, dates and phone numbers follow a passphrase word without being one.</summary>
    private static bool LooksLikeData(string value) =>
        CodeLike().IsMatch(value) || NumberGroups().IsMatch(value) || Email().IsMatch(value)
        || value.StartsWith("http", StringComparison.OrdinalIgnoreCase);

    // The word itself, with the affixes Indonesian puts on it (ber-, -nya) and the spellings people type. Not after
    // "pemegang"/"pemilik"/"holder" (who holds it is not the secret) nor after a title ("Pak Sandi" is a person).
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?<!(?:pemegang|pemilik|holder|pak|bu|bapak|ibu|mas|mbak|sdr|sdri)\s+)(?:ber-?)?(?:pass[\s\-]?phrase|pass[\s\-]?word|passwd|pwd|pass|kata[\s\-]*sandi|sandi|pin)(?:-?nya)?(?![\p{L}\p{N}_@])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    // Words that say whose or which passphrase it is: "passphrase sertel klien", "password e-nofa baru".
    [GeneratedRegex(
        @"\G[ \t]*-?[ \t]*(?:nya|sertel|sertifikat|certificate|elektronik|e-?nofa|e-?faktur|efaktur|coretax|djp|akun|account|login|p12|pfx|klien|client|wp|pkp|baru|new|lama|old|yang|untuk|for|dari|of|the|my|saya|kami|dia|pt|cv|ini|itu|tersebut|lengkap|sebenarnya|aslinya)(?:-?nya)?(?![\p{L}\p{N}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"\G[ \t]+[^\s:=：﹕]{1,30}", RegexOptions.CultureInvariant)]
    private static partial Regex FreeWord();

    // A separator (or none, or a line break), then the value, possibly quoted.
    [GeneratedRegex(
        @"\G[ \t]*(?:(?<colon>:|：|﹕|=)|(?:is|adalah|yaitu|ialah|yakni|ini|->|=>|-{1,2}|–|—)(?![\p{L}\p{N}_]))?\s*[""'“‘`(]?(?<value>[^\s""'”’`]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tail();

    [GeneratedRegex(@"^\p{L}+(?:-\p{L}+)*$")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:19|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^[A-Z]{2,}(?:-[A-Z0-9]+)*-\d+$")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?\d+(?:[-/.]\d+)+$")]
    private static partial Regex NumberGroups();
}
