namespace MsmHelpdesk.Domain.Classification;

/// <summary>The code finder: error codes with their prefix, sloppy spellings, bare numbers and message texts.</summary>
public sealed partial class Classifier
{
    private List<string> FindCodes(ClassificationInput input, Work work, List<Evidence> evidence, out bool ambiguous)
    {
        ambiguous = false;
        var found = new List<(string Code, int Token, int End)>();
        var consumed = work.Consumed;
        for (var i = 0; i < work.TokenCount; i++)
        {
            ref var token = ref work.Tokens[i];
            if (token.RawId < 0 || consumed[i])
            {
                continue;
            }

            // PREFIX-NNNNN, e.g. "ETAX-40002", "etax 40002", "REG-KODJP-00003", "ETAX-50001" (family ETAX-50000).
            for (var p = 0; p < _codePrefixes.Length; p++)
            {
                var words = _codePrefixes[p];
                var digits = i + words.Length;
                if (digits < work.TokenCount && SameRaw(work, i, words) && work.Tokens[digits].IsDigits && work.Tokens[digits].Length == 5
                    && work.Tokens[digits].Field == token.Field && OnlySeparators(input, work, digits - 1, digits))
                {
                    ref var number = ref work.Tokens[digits];
                    var code = _codePrefixNames[p] + "-" + FieldText(input, token.Field).AsSpan(number.Start, 5).ToString();
                    found.Add((code, i, digits));
                    for (var k = i; k <= digits; k++)
                    {
                        consumed[k] = true;
                    }

                    break;
                }
            }

            if (consumed[i] || _rawPatternsByFirst[token.RawId] is not { } patterns)
            {
                continue;
            }

            foreach (var pattern in patterns)
            {
                if (pattern.Code is null || !SameRaw(work, i, pattern.Words))
                {
                    continue;
                }

                var end = i + pattern.Words.Length - 1;
                found.Add((pattern.Code, i, end));
                for (var k = i; k <= end; k++)
                {
                    consumed[k] = true;
                }

                break;
            }
        }

        // A bare number: "40002" is ETAX-40002 or ETAXSERVICE-40002, unless the message text said which.
        for (var i = 0; i < work.TokenCount; i++)
        {
            ref var token = ref work.Tokens[i];
            if (!token.IsDigits || token.Length != 5 || consumed[i]
                || !_bareLookup.TryGetValue(FieldText(input, token.Field).AsSpan(token.Start, 5), out var candidates))
            {
                continue;
            }

            if (found.Exists(code => candidates.Contains(code.Code)))
            {
                continue;
            }

            var text = FieldText(input, token.Field).Substring(token.Start, 5);
            if (candidates.Length == 1)
            {
                found.Add((candidates[0], i, i));
                continue;
            }

            ambiguous = true;
            evidence.Add(new Evidence("code:ambiguous",
                $"\"{text}\" tanpa awalan: bisa " + string.Join(" atau ", candidates.Select(code => $"{code} ({_entries[code].Title})")),
                token.Field, token.Start, 5, 0, EvidenceSource.Rule));
        }

        found.Sort((a, b) => a.Token.CompareTo(b.Token));
        var codes = new List<string>();
        foreach (var (code, first, last) in found)
        {
            if (codes.Contains(code))
            {
                continue;
            }

            codes.Add(code);
            ref var start = ref work.Tokens[first];
            ref var end = ref work.Tokens[last];
            var field = FieldText(input, start.Field);
            var length = end.Start + end.Length - start.Start;
            evidence.Add(new Evidence("code:" + code, field.Substring(start.Start, length), start.Field, start.Start, length, 0, EvidenceSource.Rule));
            if (EntryFor(code) is not { } entry)
            {
                continue;
            }

            foreach (var implied in entry.Implies)
            {
                if (ParsePoints(implied.Points) is { } target)
                {
                    work.Scores[target.Dimension][target.Label] += implied.Weight;
                    evidence.Add(new Evidence(implied.Points, $"{code}: {entry.Title}", start.Field, start.Start, length, implied.Weight, EvidenceSource.Rule));
                }
            }
        }

        return codes;
    }

    private ErrorCodeEntry? EntryFor(string code)
    {
        if (_entries.TryGetValue(code, out var entry))
        {
            return entry;
        }

        // ETAX-5xxxx without its own entry belongs to the ETAX-50000 family.
        return SplitCode(code) is { } split
            && _entries.TryGetValue($"{split.Prefix}-{split.Number[0]}0000", out var family) && family.IsPrefix ? family : null;
    }

    /// <summary>Between a code's prefix and its number only a few separators: "ETAX-40002", "ETAX 40002", "ETAX40002".</summary>
    private static bool OnlySeparators(ClassificationInput input, Work work, int left, int right)
    {
        var text = FieldText(input, work.Tokens[left].Field);
        var from = work.Tokens[left].Start + work.Tokens[left].Length;
        var to = work.Tokens[right].Start;
        if (to - from > 3)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (text[i] is not ('-' or '_' or ' ' or ':' or '\u2013'))
            {
                return false;
            }
        }

        return true;
    }

    private static string FieldText(ClassificationInput input, EvidenceField field) => field switch
    {
        EvidenceField.ErrorText => input.ErrorText!,
        EvidenceField.Description => input.Description!,
        _ => input.Activity!,
    };

    /// <summary>"ETAX-40002" → ("ETAX", "40002"); "REG-KODJP-00003" → ("REG-KODJP", "00003"); message keys → null.</summary>
    private static (string Prefix, string Number)? SplitCode(string code)
    {
        var dash = code.LastIndexOf('-');
        if (dash <= 0 || code.Length - dash - 1 != 5)
        {
            return null;
        }

        var number = code[(dash + 1)..];
        return number.All(char.IsAsciiDigit) ? (code[..dash], number) : null;
    }
}
