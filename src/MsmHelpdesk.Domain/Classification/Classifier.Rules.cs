namespace MsmHelpdesk.Domain.Classification;

/// <summary>Evidence rules: catalogue phrases and exception strings, with negation and hedge scope, and capped learned weights.</summary>
public sealed partial class Classifier
{
    private void MatchPhrases(ClassificationInput input, Work work, List<Evidence> evidence)
    {
        var matches = work.Matches;
        for (var i = 0; i < work.TokenCount; i++)
        {
            ref var token = ref work.Tokens[i];
            if (token.RawId >= 0 && _rawPatternsByFirst[token.RawId] is { } patterns)
            {
                foreach (var pattern in patterns)
                {
                    if (pattern.Cause is not null && SameRaw(work, i, pattern.Words))
                    {
                        var offset = work.Positions.Count;
                        for (var k = 0; k < pattern.Words.Length; k++)
                        {
                            work.Positions.Add(i + k);
                        }

                        matches.Add(new Match(i, i + pattern.Words.Length - 1, offset, pattern.Words.Length, false, 1, pattern));
                    }
                }
            }

            if (token.Id < 0)
            {
                continue;
            }

            if (_phrasesByFirst[token.Id] is { } phrases)
            {
                foreach (var phrase in phrases)
                {
                    TryMatch(phrase, i, work, matches);
                }
            }

            if (_learnedByFirst[token.Id] is { } learned)
            {
                foreach (var phrase in learned)
                {
                    TryMatch(phrase, i, work, work.LearnedMatches);
                }
            }
        }

        // Longer matches claim their words first, per dimension: "anti virus" is not also "virus".
        var order = work.Order;
        order.Clear();
        for (var m = 0; m < matches.Count; m++)
        {
            order.Add(m);
        }

        order.Sort(new MatchOrder(matches));
        foreach (var m in order)
        {
            var match = matches[m];
            var dimension = match.Rule is null ? match.Phrase!.Dimension : CauseDimension;
            var claimed = work.Claimed[dimension];
            // A rule (an exception string) always counts; phrases inside it do not count again.
            var free = true;
            for (var k = 0; k < match.Count && free && match.Rule is null; k++)
            {
                free = !claimed[work.Positions[match.Offset + k]];
            }

            if (!free)
            {
                continue;
            }

            for (var k = 0; k < match.Count; k++)
            {
                claimed[work.Positions[match.Offset + k]] = true;
            }

            var firstTime = match.Rule is not null || !work.PhraseSeen[match.Phrase!.Index];
            if (match.Phrase is not null)
            {
                work.PhraseSeen[match.Phrase.Index] = true;
            }

            matches[m] = match with { Accepted = firstTime && !match.Negated };
        }

        foreach (var match in matches)
        {
            if (!match.Accepted)
            {
                continue;
            }

            ref var first = ref work.Tokens[match.First];
            ref var last = ref work.Tokens[match.Last];
            var field = FieldText(input, first.Field);
            var length = last.Start + last.Length - first.Start;
            if (match.Rule is { } rule)
            {
                work.Scores[CauseDimension][(int)rule.Cause!.Value] += rule.Weight;
                if (rule.Weight >= DecidingRuleWeight && rule.Weight > work.DecidingRuleWeight)
                {
                    (work.DecidingRule, work.DecidingRuleWeight) = ((int)rule.Cause.Value, rule.Weight);
                }

                work.AmbiguousRule |= rule.Note is not null;
                evidence.Add(new Evidence(Wire.PointsOf(rule.Cause.Value), rule.Note ?? field.Substring(first.Start, length),
                    first.Field, first.Start, length, rule.Weight, EvidenceSource.Rule));
                continue;
            }

            var phrase = match.Phrase!;
            var weight = phrase.Weight * match.Factor;
            if (phrase.Dimension == ScenarioDimension && first.Field == EvidenceField.Activity)
            {
                weight *= ActivityBoost;
            }

            weight = Math.Round(weight, 3);
            work.Scores[phrase.Dimension][phrase.Label] += weight;
            evidence.Add(new Evidence(phrase.Points, field.Substring(first.Start, length), first.Field, first.Start, length, weight, EvidenceSource.Rule));
        }

        AddLearned(input, work, evidence);
    }

    private void AddLearned(ClassificationInput input, Work work, List<Evidence> evidence)
    {
        var learnedMatches = work.LearnedMatches;
        if (learnedMatches.Count == 0)
        {
            return;
        }

        var sums = work.LearnedSums;
        var firstEvidence = evidence.Count;
        foreach (var match in learnedMatches)
        {
            var phrase = match.Phrase!;
            if (match.Negated || work.LearnedSeen[phrase.Index])
            {
                continue;
            }

            work.LearnedSeen[phrase.Index] = true;
            sums[phrase.Dimension][phrase.Label] += phrase.Weight;
            ref var first = ref work.Tokens[match.First];
            ref var last = ref work.Tokens[match.Last];
            var length = last.Start + last.Length - first.Start;
            evidence.Add(new Evidence(phrase.Points, FieldText(input, first.Field).Substring(first.Start, length), first.Field,
                first.Start, length, phrase.Weight, EvidenceSource.Learned));
        }

        // Capped per class, and the evidence shows what each term actually contributed.
        for (var i = firstEvidence; i < evidence.Count; i++)
        {
            var (dimension, label) = ParsePoints(evidence[i].Points)!.Value;
            var sum = sums[dimension][label];
            if (Math.Abs(sum) > LearnedCap)
            {
                evidence[i] = evidence[i] with { Weight = Math.Round(evidence[i].Weight * LearnedCap / Math.Abs(sum), 3) };
            }
        }

        for (var dimension = 0; dimension < 2; dimension++)
        {
            for (var label = 0; label < sums[dimension].Length; label++)
            {
                work.Scores[dimension][label] += Math.Clamp(sums[dimension][label], -LearnedCap, LearnedCap);
            }
        }
    }

    private void TryMatch(Phrase phrase, int start, Work work, List<Match> matches)
    {
        var tokens = work.Tokens;
        var offset = work.Positions.Count;
        work.Positions.Add(start);
        var at = start;
        var negated = false;
        for (var k = 1; k < phrase.Words.Length; k++)
        {
            var next = -1;
            for (var j = at + 1; j <= at + 1 + MaxGap && j < work.TokenCount; j++)
            {
                if (tokens[j].Sentence != tokens[start].Sentence)
                {
                    break;
                }

                if (tokens[j].Id == phrase.Words[k])
                {
                    next = j;
                    break;
                }
            }

            if (next < 0)
            {
                work.Positions.RemoveRange(offset, work.Positions.Count - offset);
                return;
            }

            for (var j = at + 1; j < next; j++)
            {
                negated |= IsWord(tokens[j].Id, WordNegation);
            }

            work.Positions.Add(next);
            at = next;
        }

        // "tidak expired", "bukan karena proxy", "not expired": a cause that is denied does not count.
        // "tidak bisa upload karena proxy" still does: the negation is about the ability.
        if (phrase.Dimension == CauseDimension && phrase.Weight > 0)
        {
            var before1 = start - 1;
            var before2 = start - 2;
            // Words of a recognised message ("User tidak ditemukan") negate nothing.
            if (before1 >= 0 && tokens[before1].Sentence == tokens[start].Sentence && !work.Consumed[before1])
            {
                negated |= IsWord(tokens[before1].Id, WordNegation);
                negated |= before2 >= 0 && tokens[before2].Sentence == tokens[start].Sentence
                    && !work.Consumed[before2] && IsWord(tokens[before2].Id, WordNegation) && !IsWord(tokens[before1].Id, WordModal);
            }
        }
        else
        {
            negated = false;
        }

        var factor = 1.0;
        for (var j = start - 1; j >= 0 && j >= start - 8 && tokens[j].Sentence == tokens[start].Sentence; j--)
        {
            if (IsWord(tokens[j].Id, WordHedge) && j >= start - 4)
            {
                factor = HedgeFactor;
                break;
            }

            if (IsWord(tokens[j].Id, WordFinding))
            {
                factor = FindingFactor;
                break;
            }
        }

        matches.Add(new Match(start, at, offset, phrase.Words.Length, negated, factor, null) { Phrase = phrase });
    }

    private bool IsWord(int id, byte wordClass) => id >= 0 && _wordClass[id] == wordClass;

    private static bool SameRaw(Work work, int start, int[] words)
    {
        if (start + words.Length > work.TokenCount)
        {
            return false;
        }

        var field = work.Tokens[start].Field;
        for (var k = 0; k < words.Length; k++)
        {
            ref var token = ref work.Tokens[start + k];
            if (token.RawId != words[k] || token.Field != field)
            {
                return false;
            }
        }

        return true;
    }
}
