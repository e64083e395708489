namespace MsmHelpdesk.Domain.Classification;

/// <summary>The stemmer: informal spellings and synonyms from the lexicon, Indonesian affixes, one-edit typos.</summary>
public sealed partial class Classifier
{
    private int Resolve(ReadOnlySpan<char> word, bool letters)
    {
        if (_termLookup.TryGetValue(word, out var id))
        {
            return id;
        }

        if (!letters || word.Length < 4)
        {
            return -1;
        }

        if (_resolved.TryGetValue(word, out id))
        {
            return id;
        }

        id = ResolveUnknown(word);
        Remember(_resolved, ref _resolvedCount, word, id);
        return id;
    }

    /// <summary>A word the lexicon does not know as it is: a known stem inside its affixes, or a key word one typo away.</summary>
    private int ResolveUnknown(ReadOnlySpan<char> word)
    {
        var id = ResolveAffixes(word);
        if (id >= 0)
        {
            return id;
        }

        id = ResolveTypo(word);
        if (id < 0 && word.EndsWith("nya") && word.Length >= 7)
        {
            id = ResolveTypo(word[..^3]);
        }

        return id;
    }

    /// <summary>Strips what Indonesian (and a little English) wraps around a word, keeping only a known stem.</summary>
    private int ResolveAffixes(ReadOnlySpan<char> word)
    {
        Span<char> restored = stackalloc char[MaxTokenLength + 1];
        for (var outer = -1; outer < Lexicon.OuterSuffixes.Length; outer++)
        {
            var a = word;
            if (outer >= 0)
            {
                if (!word.EndsWith(Lexicon.OuterSuffixes[outer]))
                {
                    continue;
                }

                a = word[..^Lexicon.OuterSuffixes[outer].Length];
            }

            for (var inner = -1; inner < Lexicon.InnerSuffixes.Length; inner++)
            {
                var b = a;
                if (inner >= 0)
                {
                    if (!a.EndsWith(Lexicon.InnerSuffixes[inner]))
                    {
                        continue;
                    }

                    b = a[..^Lexicon.InnerSuffixes[inner].Length];
                }

                if (b.Length < 3)
                {
                    continue;
                }

                if ((outer >= 0 || inner >= 0) && _termLookup.TryGetValue(b, out var id))
                {
                    return id;
                }

                foreach (var (prefix, restore) in Lexicon.Prefixes)
                {
                    if (!b.StartsWith(prefix) || b.Length - prefix.Length < 3)
                    {
                        continue;
                    }

                    var stem = b[prefix.Length..];
                    if (restore.Length == 0)
                    {
                        if (_termLookup.TryGetValue(stem, out id))
                        {
                            return id;
                        }

                        continue;
                    }

                    restored[0] = restore[0];
                    stem.CopyTo(restored[1..]);
                    if (_termLookup.TryGetValue(restored[..(stem.Length + 1)], out id))
                    {
                        return id;
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>A key word of 5+ letters one edit away (Damerau–Levenshtein ≤ 1): "sertifkat", "pasphrse".</summary>
    private int ResolveTypo(ReadOnlySpan<char> word)
    {
        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            if (length < 5 || length >= _typoTargets.Length)
            {
                continue;
            }

            foreach (var (key, id) in _typoTargets[length])
            {
                if (WithinOneEdit(word, key))
                {
                    return id;
                }
            }
        }

        return -1;
    }

    internal static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        var shorter = Math.Min(a.Length, b.Length);
        while (i < shorter && a[i] == b[i])
        {
            i++;
        }

        if (i == shorter)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            return a[(i + 1)..].SequenceEqual(b[(i + 1)..])
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
        }

        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }

    private (string Key, int Id)[][] BuildTypoTargets()
    {
        var noTypo = new HashSet<string>(Lexicon.NoTypoTargets.Select(word => Canon(word)), StringComparer.Ordinal);
        var byLength = new List<(string Key, int Id)>[MaxTokenLength + 1];
        foreach (var (key, id) in _terms)
        {
            if (key.Length >= 5 && key.Length <= MaxTokenLength && key.All(char.IsLetter) && !noTypo.Contains(key)
                && !noTypo.Contains(_termNames[id]))
            {
                (byLength[key.Length] ??= []).Add((key, id));
            }
        }

        return [.. byLength.Select(list => list is null ? Array.Empty<(string, int)>() : [.. list.OrderBy(item => item.Key, StringComparer.Ordinal)])];
    }
}
