namespace MsmHelpdesk.Domain.Classification;

/// <summary>The tokenizer and normaliser: words with their offsets, lower case, repeated letters and hyphens folded.</summary>
public sealed partial class Classifier
{
    private void Tokenize(string? text, EvidenceField field, Work work)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        work.Sentence++;
        var i = 0;
        var n = text.Length;
        Span<char> buffer = stackalloc char[MaxTokenLength];
        while (i < n)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                // Sentence and clause ends bound phrases and negations; "4.0" and "1,5" do not end anything.
                if (c is '!' or '?' or '\n' or ';' || (c is '.' or ',' && (i + 1 >= n || char.IsWhiteSpace(text[i + 1]))))
                {
                    work.Sentence++;
                }

                i++;
                continue;
            }

            var start = i;
            var digits = char.IsDigit(c);
            i++;
            while (i < n)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d) && char.IsDigit(d) == digits)
                {
                    i++;
                    continue;
                }

                // "e-Faktur", "e-Nofa": a single letter is joined to the word after its hyphen.
                if (d == '-' && !digits && i - start == 1 && i + 1 < n && char.IsLetter(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            var raw = text.AsSpan(start, i - start);
            var id = -1;
            var rawId = -1;
            if (raw.Length <= MaxTokenLength)
            {
                var canon = buffer[..Canon(raw, buffer)];
                rawId = _rawLookup.TryGetValue(canon, out var found) ? found : -1;
                id = Resolve(canon, !digits);
            }

            work.Add(new Token(start, i - start, work.Sentence, id, rawId, field, digits));
        }
    }

    /// <summary>Lower case, hyphens dropped, repeated letters collapsed ("gagaaal" → "gagal"; digits are kept).</summary>
    private static int Canon(ReadOnlySpan<char> raw, Span<char> destination)
    {
        var length = 0;
        foreach (var original in raw)
        {
            if (original == '-')
            {
                continue;
            }

            var c = char.ToLowerInvariant(original);
            if (length > 0 && c == destination[length - 1] && char.IsLetter(c))
            {
                continue;
            }

            destination[length++] = c;
        }

        return length;
    }

    private static string Canon(ReadOnlySpan<char> raw)
    {
        var buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        return new string(buffer[..Canon(raw, buffer)]);
    }
}
