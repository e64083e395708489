namespace MsmHelpdesk.Domain.Classification;

/// <summary>Building the term tables from the lexicon and the catalogue.</summary>
public sealed partial class Classifier
{
    /// <summary>The term ids of a phrase's words; unknown words become new terms.</summary>
    private int[] CompileWords(string text)
    {
        var ids = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = char.IsDigit(text[i]);
            while (i < text.Length && ((char.IsLetterOrDigit(text[i]) && char.IsDigit(text[i]) == digits)
                || (text[i] == '-' && i - start == 1 && !digits && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            var word = text[start..i].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            var canon = Canon(word);
            if (canon.Length == 0 || canon.Length > MaxTokenLength)
            {
                continue;
            }

            var id = _termLookup.TryGetValue(canon, out var known) ? known
                : digits || canon.Length < 4 ? -1 : ResolveAffixes(canon);
            ids.Add(id >= 0 ? id : TermId(UnknownForm(word)));
        }

        return [.. ids];
    }

    /// <summary>A word the lexicon does not know, without the particle "-nya": "routernya" is "router".</summary>
    private static string UnknownForm(string canon) =>
        UnknownForm(canon.AsSpan()).Length == canon.Length ? canon : canon[..^3];

    private static ReadOnlySpan<char> UnknownForm(ReadOnlySpan<char> canon) =>
        canon.Length >= 7 && canon.EndsWith("nya", StringComparison.Ordinal) && AllLetters(canon) ? canon[..^3] : canon;

    private static bool AllLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The id of a canonical word, kept readable ("passphrase") while its key is collapsed ("pasphrase").</summary>
    private int TermId(string canonical)
    {
        var key = Canon(canonical);
        if (_terms.TryGetValue(key, out var id))
        {
            return id;
        }

        id = _termNames.Count;
        _termNames.Add(canonical.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        _terms[key] = id;
        return id;
    }

    private int[] RawIds(string text)
    {
        var ids = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = char.IsDigit(text[i]);
            while (i < text.Length && ((char.IsLetterOrDigit(text[i]) && char.IsDigit(text[i]) == digits)
                || (text[i] == '-' && i - start == 1 && !digits && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            var canon = Canon(text.AsSpan(start, i - start));
            if (!_rawWords.TryGetValue(canon, out var id))
            {
                id = _rawWords.Count;
                _rawWords[canon] = id;
            }

            ids.Add(id);
        }

        return [.. ids];
    }

    private void MarkWords(string[] words, byte wordClass)
    {
        foreach (var word in words)
        {
            if (_terms.TryGetValue(Canon(word), out var id))
            {
                _wordClass[id] = wordClass;
            }
        }
    }

    private static Phrase[]?[] IndexByFirst(IEnumerable<Phrase> phrases, int termCount)
    {
        var index = new Phrase[]?[termCount];
        foreach (var group in phrases.GroupBy(phrase => phrase.Words[0]))
        {
            index[group.Key] = [.. group];
        }

        return index;
    }

    private static (int Dimension, int Label)? ParsePoints(string points)
    {
        var colon = points.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var kind = points[..colon];
        var value = points[(colon + 1)..];
        if (kind == "scenario" && Wire.ParseScenario(value) is { } scenario && scenario != Scenario.Unknown)
        {
            return (ScenarioDimension, (int)scenario);
        }

        if (kind == "cause" && Wire.ParseCause(value) is { } cause && cause != Cause.Unknown)
        {
            return (CauseDimension, (int)cause);
        }

        return null;
    }
}
