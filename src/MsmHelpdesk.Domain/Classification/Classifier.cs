using System.Globalization;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// Classifies an ETAX-40002 ticket: which error codes it names, what the user was doing (scenario) and why it
/// failed (cause), with the evidence for each. Pure and thread-safe; everything that can be is precomputed
/// here in the constructor, so <see cref="Classify"/> does no regex work and allocates little beyond its answer.
/// </summary>
/// <remarks>
/// Order of strength: recorded facts (certificate dates, a scenario chosen from the list, other clients'
/// reports) beat the Java exception strings of DJP's catalogue, which beat phrases; learned weights only add to
/// phrases, capped. A verdict without evidence is Unknown: the classifier never guesses.
/// </remarks>
public sealed class Classifier
{
    public const int ClassifierVersion = 1;

    /// <summary>Below this score a dimension stays Unknown: one weak phrase (~0.5) is just enough.</summary>
    public const double Threshold = 0.45;

    /// <summary>Learned weights move a class by at most this much, up or down.</summary>
    public const double LearnedCap = 0.6;

    /// <summary>Other clients' reports of the same code within the hour that mean a DJP outage.</summary>
    public const int OutageReports = 3;

    private const int MaxGap = 2;
    private const int MaxTokenLength = 48;
    private const double ActivityBoost = 1.5;
    private const double ExpiredByDateWeight = 6.0;
    private const double ValidByDateWeight = -2.5;
    private const double ChosenScenarioWeight = 5.0;
    private const double OutageWeight = 3.5;
    private const double HedgeFactor = 0.5;
    private const double FindingFactor = 1.3;

    private const int ScenarioDimension = 0;
    private const int CauseDimension = 1;
    private const int ScenarioClasses = 5; // Registration..Other
    private const int CauseClasses = 6; // CorruptCertificate..Other

    private const byte WordNegation = 1;
    private const byte WordModal = 2;
    private const byte WordHedge = 3;
    private const byte WordFinding = 4;

    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly List<string> _termNames = [];
    private readonly byte[] _wordClass;
    private readonly (string Key, int Id)[][] _typoTargets;

    private readonly Dictionary<string, int> _rawWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rawLookup;

    private readonly Phrase[] _phrases;
    private readonly Phrase[]?[] _phrasesByFirst;
    private readonly Phrase[]?[] _learnedByFirst;
    private readonly int _learnedCount;

    private readonly RawPattern[]?[] _rawPatternsByFirst;
    private readonly int[][] _codePrefixes;
    private readonly string[] _codePrefixNames;
    private readonly Dictionary<string, ErrorCodeEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _bareNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _bareLookup;

    private readonly string _version;

    [ThreadStatic]
    private static Work? _work;

    public Classifier(Catalogue catalogue, LearnedWeights? learned = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _rawLookup = _rawWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _bareLookup = _bareNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
        _version = $"catalogue-{catalogue.Version}/classifier-{ClassifierVersion}"
            + (learned is null ? "" : $"/learned-{learned.Version}");

        foreach (var (canonical, variants) in Lexicon.Synonyms)
        {
            var id = TermId(canonical);
            foreach (var variant in variants)
            {
                _terms.TryAdd(Canon(variant), id);
            }
        }

        var phrases = new List<Phrase>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var phrase in catalogue.Phrases)
        {
            if (ParsePoints(phrase.Points) is not { } target || CompileWords(phrase.Phrase) is not { Length: > 0 } ids)
            {
                continue;
            }

            // The same words after normalisation ("upload"/"unggah") count once, with the larger weight.
            var key = phrase.Points + "|" + string.Join(',', ids);
            if (seen.TryGetValue(key, out var existing))
            {
                if (Math.Abs(phrase.Weight) > Math.Abs(phrases[existing].Weight))
                {
                    phrases[existing] = phrases[existing] with { Weight = phrase.Weight };
                }

                continue;
            }

            seen[key] = phrases.Count;
            phrases.Add(new Phrase(phrases.Count, ids, target.Dimension, target.Label, phrase.Points, phrase.Weight, EvidenceSource.Rule));
        }

        _phrases = [.. phrases];
        _typoTargets = BuildTypoTargets();

        var learnedPhrases = new List<Phrase>();
        if (learned is not null)
        {
            foreach (var (term, weights) in learned.TermWeights)
            {
                if (CompileWords(term) is not { Length: > 0 } ids)
                {
                    continue;
                }

                foreach (var (points, weight) in weights)
                {
                    if (ParsePoints(points) is { } target && weight != 0 && double.IsFinite(weight))
                    {
                        learnedPhrases.Add(new Phrase(learnedPhrases.Count, ids, target.Dimension, target.Label, points, weight, EvidenceSource.Learned));
                    }
                }
            }
        }

        _learnedCount = learnedPhrases.Count;
        _phrasesByFirst = IndexByFirst(_phrases, _termNames.Count);
        _learnedByFirst = IndexByFirst(learnedPhrases, _termNames.Count);

        _wordClass = new byte[_termNames.Count];
        MarkWords(Lexicon.Negations, WordNegation);
        MarkWords(Lexicon.Modals, WordModal);
        MarkWords(Lexicon.Hedges, WordHedge);
        MarkWords(Lexicon.Findings, WordFinding);

        var rawPatterns = new List<RawPattern>();
        var prefixes = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var bare = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in catalogue.Codes)
        {
            var code = entry.Code.Trim().ToUpperInvariant();
            _entries[code] = entry;
            if (SplitCode(code) is { } split)
            {
                prefixes.TryAdd(split.Prefix, RawIds(split.Prefix));
                if (!entry.IsPrefix)
                {
                    if (!bare.TryGetValue(split.Number, out var list))
                    {
                        bare[split.Number] = list = [];
                    }

                    list.Add(code);
                }
            }

            foreach (var pattern in entry.MatchPatterns)
            {
                if (RawIds(pattern) is { Length: > 0 } ids)
                {
                    rawPatterns.Add(new RawPattern(ids, code, null, 0, null));
                }
            }
        }

        foreach (var rule in StrongRules)
        {
            rawPatterns.Add(new RawPattern(RawIds(rule.Text), null, rule.Cause, rule.Weight, rule.Note));
        }

        foreach (var (number, codes) in bare)
        {
            _bareNumbers[number] = [.. codes];
        }

        _codePrefixNames = [.. prefixes.Keys];
        _codePrefixes = [.. prefixes.Values];
        _rawPatternsByFirst = new RawPattern[]?[_rawWords.Count];
        foreach (var group in rawPatterns.GroupBy(pattern => pattern.Words[0]))
        {
            _rawPatternsByFirst[group.Key] = [.. group.OrderByDescending(pattern => pattern.Words.Length)];
        }
    }

    /// <summary>The Java exception strings of DJP's error catalogue [S5]: deterministic, so stronger than phrases.</summary>
    private static readonly (string Text, Cause Cause, double Weight, string? Note)[] StrongRules =
    [
        ("BadPaddingException", Cause.WrongPassphrase, 4.5, null),
        ("Given final block not properly padded", Cause.WrongPassphrase, 4.5, null),
        ("toDerInputStreamRejectType", Cause.CorruptCertificate, 4.5, null),
        ("Tidak dapat melakukan registrasi", Cause.CorruptCertificate, 3.0, null),
        // Wrong passphrase or a corrupt file: DJP's catalogue names both. Passphrase first, with less confidence.
        ("Failed PKCS12 Integrity Checking", Cause.WrongPassphrase, 1.6, null),
        ("Failed PKCS12 Integrity Checking", Cause.CorruptCertificate, 1.0,
            "Failed PKCS12 Integrity Checking: passphrase salah atau file sertifikat rusak; dipilih passphrase salah dengan keyakinan lebih rendah"),
    ];

    public Classification Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var work = _work ??= new Work();
        work.Reset(_phrases.Length, _learnedCount);

        var chosenScenario = input.Activity is { } activity ? Wire.ParseScenario(activity) : null;
        Tokenize(input.ErrorText, EvidenceField.ErrorText, work);
        Tokenize(input.Description, EvidenceField.Description, work);
        if (chosenScenario is null)
        {
            Tokenize(input.Activity, EvidenceField.Activity, work);
        }

        var evidence = new List<Evidence>();
        var codes = FindCodes(input, work, evidence, out var ambiguous);

        if (chosenScenario is { } chosen)
        {
            work.Scores[ScenarioDimension][(int)chosen] += ChosenScenarioWeight;
            evidence.Add(new Evidence(Wire.PointsOf(chosen), "kegiatan dipilih: " + input.Activity!.Trim(), EvidenceField.Activity,
                0, input.Activity.Length, ChosenScenarioWeight, EvidenceSource.Structured));
        }

        var expiredByDate = CertificateFacts(input, work, evidence);
        FileCheckFacts(input, work, evidence);
        if (input.RecentSameCodeReports > 0)
        {
            var reports = input.RecentSameCodeReports;
            var weight = reports >= OutageReports ? OutageWeight : 0.2 * reports; // one or two: a hint that words can complete
            work.Scores[CauseDimension][(int)Cause.DjpOutage] += weight;
            evidence.Add(new Evidence(Wire.PointsOf(Cause.DjpOutage),
                string.Create(CultureInfo.InvariantCulture, $"{reports} tiket klien lain dengan kode yang sama dalam 1 jam terakhir"),
                EvidenceField.Reports, -1, 0, weight, EvidenceSource.Structured));
        }

        MatchPhrases(input, work, evidence);

        var (scenario, scenarioConfidence) = Decide(work.Scores[ScenarioDimension], chosenScenario is null ? null : (int)chosenScenario.Value);
        var (cause, causeConfidence) = Decide(work.Scores[CauseDimension], expiredByDate ? (int)Cause.ExpiredCertificate : null);
        return new Classification(codes, ambiguous,
            scenario < 0 ? Scenario.Unknown : (Scenario)scenario, scenarioConfidence,
            cause < 0 ? Cause.Unknown : (Cause)cause, causeConfidence,
            evidence, _version);
    }

    /// <summary>
    /// The normalised terms of a text as the classifier sees them (affixes stripped, informal spellings and
    /// synonyms folded, typos one edit from a key word corrected): the vocabulary for <see cref="LearnedWeights"/>.
    /// </summary>
    public IReadOnlyList<string> Terms(string? text)
    {
        var work = new Work();
        work.Reset(0, 0);
        Tokenize(text, EvidenceField.Description, work);
        var terms = new string[work.TokenCount];
        for (var i = 0; i < work.TokenCount; i++)
        {
            ref var token = ref work.Tokens[i];
            terms[i] = token.Id >= 0 ? _termNames[token.Id] : UnknownForm(Canon(text.AsSpan(token.Start, token.Length)));
        }

        return terms;
    }

    private static (int Label, double Confidence) Decide(double[] scores, int? decided)
    {
        var top = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (top < 0 || scores[i] > scores[top])
            {
                top = i;
            }
        }

        if (decided is { } fact)
        {
            // A recorded fact decides; contradicting words only lower the confidence, never below 0.9.
            return (fact, Math.Max(0.9, Confidence(scores, fact)));
        }

        return scores[top] < Threshold ? (-1, 0) : (top, Confidence(scores, top));
    }

    private static double Confidence(double[] scores, int label)
    {
        var score = scores[label];
        var second = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (i != label && scores[i] > second)
            {
                second = scores[i];
            }
        }

        if (score <= 0)
        {
            return 0;
        }

        var strength = 1 - Math.Exp(-score);
        var dominance = Math.Clamp((score - second) / score, 0, 1);
        return Math.Round(strength * (0.5 + 0.5 * dominance), 3);
    }

    /// <summary>
    /// A consultant opened the client's .p12 with the client's passphrase: a corrupt file or a refused passphrase
    /// is a fact about this client's certificate, as strong as its dates. Expired and valid come in through the dates.
    /// </summary>
    private static void FileCheckFacts(ClassificationInput input, Work work, List<Evidence> evidence)
    {
        if (input.CertificateCheck is not { } outcome || input.CertificateCheckedAt is not { } checkedAt
            || (input.ReportedAt is { } reported && (checkedAt - reported).Duration() > TimeSpan.FromDays(30)))
        {
            return;
        }

        var (cause, weight, what) = outcome switch
        {
            Clients.CertificateCheckOutcome.Corrupt => (Cause.CorruptCertificate, ExpiredByDateWeight, "berkas .p12 rusak"),
            Clients.CertificateCheckOutcome.WrongPassphrase => (Cause.WrongPassphrase, ExpiredByDateWeight, "passphrase dari klien ditolak"),
            Clients.CertificateCheckOutcome.NpwpMismatch => (Cause.CorruptCertificate, ExpiredByDateWeight / 2, "berkas .p12 milik NPWP lain"),
            _ => (Cause.Unknown, 0.0, ""),
        };
        if (weight <= 0)
        {
            return;
        }

        work.Scores[CauseDimension][(int)cause] += weight;
        evidence.Add(new Evidence(Wire.PointsOf(cause),
            string.Create(CultureInfo.InvariantCulture, $"pemeriksaan sertifikat {Time.Wib.ToWib(checkedAt):yyyy-MM-dd}: {what}"),
            EvidenceField.Certificate, -1, 0, weight, EvidenceSource.Structured));
    }

    private bool CertificateFacts(ClassificationInput input, Work work, List<Evidence> evidence)
    {
        var expires = Clients.Client.ExpiryOf(input.CertificateIssuedOn, input.CertificateExpiresOn);
        if (expires is not { } expiry || input.ReportedAt is not { } reported)
        {
            return false;
        }

        var ticketDay = DateOnly.FromDateTime(Time.Wib.ToWib(reported).DateTime);
        var issued = input.CertificateIssuedOn is { } on ? $"sertifikat terbit {Iso(on)}, " : "sertifikat ";
        var how = input.CertificateExpiresOn is null ? "berlaku 2 tahun sampai" : "kedaluwarsa";
        if (expiry < ticketDay)
        {
            work.Scores[CauseDimension][(int)Cause.ExpiredCertificate] += ExpiredByDateWeight;
            evidence.Add(new Evidence(Wire.PointsOf(Cause.ExpiredCertificate),
                $"{issued}{how} {Iso(expiry)} (sebelum tanggal tiket {Iso(ticketDay)})",
                EvidenceField.Certificate, -1, 0, ExpiredByDateWeight, EvidenceSource.Structured));
            return true;
        }

        work.Scores[CauseDimension][(int)Cause.ExpiredCertificate] += ValidByDateWeight;
        evidence.Add(new Evidence(Wire.PointsOf(Cause.ExpiredCertificate),
            $"{issued}masih berlaku sampai {Iso(expiry)} (tanggal tiket {Iso(ticketDay)})",
            EvidenceField.Certificate, -1, 0, ValidByDateWeight, EvidenceSource.Structured));
        return false;

        static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

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

        id = ResolveAffixes(word);
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
        canon.Length >= 7 && canon.EndsWith("nya", StringComparison.Ordinal) && canon.All(char.IsLetter) ? canon[..^3] : canon;

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

    private sealed record Phrase(int Index, int[] Words, int Dimension, int Label, string Points, double Weight, EvidenceSource Source);

    private sealed record RawPattern(int[] Words, string? Code, Cause? Cause, double Weight, string? Note);

    private readonly record struct Token(int Start, int Length, int Sentence, int Id, int RawId, EvidenceField Field, bool IsDigits);

    private readonly record struct Match(int First, int Last, int Offset, int Count, bool Negated, double Factor, RawPattern? Rule)
    {
        public Phrase? Phrase { get; init; }

        public bool Accepted { get; init; }
    }

    private readonly struct MatchOrder(List<Match> matches) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var a = matches[x];
            var b = matches[y];
            var byCount = b.Count.CompareTo(a.Count);
            if (byCount != 0)
            {
                return byCount;
            }

            var byWeight = Math.Abs(b.Rule?.Weight ?? b.Phrase!.Weight).CompareTo(Math.Abs(a.Rule?.Weight ?? a.Phrase!.Weight));
            return byWeight != 0 ? byWeight : x.CompareTo(y);
        }
    }

    /// <summary>Per-thread scratch space, reused between calls so the hot loops allocate nothing.</summary>
    private sealed class Work
    {
        public Token[] Tokens = new Token[256];
        public int TokenCount;
        public int Sentence;
        public bool[] Consumed = new bool[256];
        public readonly bool[][] Claimed = [new bool[256], new bool[256]];
        public readonly List<int> Positions = new(512);
        public readonly List<Match> Matches = new(64);
        public readonly List<Match> LearnedMatches = new(16);
        public readonly List<int> Order = new(64);
        public bool[] PhraseSeen = [];
        public bool[] LearnedSeen = [];
        public readonly double[][] Scores = [new double[ScenarioClasses], new double[CauseClasses]];
        public readonly double[][] LearnedSums = [new double[ScenarioClasses], new double[CauseClasses]];

        public void Reset(int phraseCount, int learnedCount)
        {
            TokenCount = 0;
            Sentence = 0;
            Positions.Clear();
            Matches.Clear();
            LearnedMatches.Clear();
            if (PhraseSeen.Length < phraseCount)
            {
                PhraseSeen = new bool[phraseCount];
            }
            else
            {
                Array.Clear(PhraseSeen);
            }

            if (LearnedSeen.Length < learnedCount)
            {
                LearnedSeen = new bool[learnedCount];
            }
            else
            {
                Array.Clear(LearnedSeen);
            }

            foreach (var scores in Scores)
            {
                Array.Clear(scores);
            }

            foreach (var sums in LearnedSums)
            {
                Array.Clear(sums);
            }
        }

        public void Add(Token token)
        {
            if (TokenCount == Tokens.Length)
            {
                Array.Resize(ref Tokens, Tokens.Length * 2);
                Array.Resize(ref Consumed, Tokens.Length);
                Array.Resize(ref Claimed[0], Tokens.Length);
                Array.Resize(ref Claimed[1], Tokens.Length);
            }

            Consumed[TokenCount] = false;
            Claimed[0][TokenCount] = false;
            Claimed[1][TokenCount] = false;
            Tokens[TokenCount++] = token;
        }
    }
}
