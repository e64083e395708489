using System.Globalization;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// Classifies an ETAX-40002 ticket: which error codes it names, what the user was doing (scenario) and why it
/// failed (cause), with the evidence for each. Pure and thread-safe; everything that can be is precomputed
/// here in the constructor, so <see cref="Classify"/> does no regex work and allocates little beyond its answer.
/// </summary>
/// <remarks>
/// Order of strength: recorded facts (certificate dates, a scenario chosen from the list, the .p12 check, the Java
/// exception strings of DJP's catalogue, other clients' reports) decide; below them the catalogue's phrases and the
/// text model trained on the labelled corpus are weighed together by <see cref="Scorer"/>; learned weights only
/// add to phrases, capped. Unknown when neither rules nor model find evidence (decision 0100).
/// </remarks>
public sealed partial class Classifier
{
    public const int ClassifierVersion = 2;

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

    /// <summary>An exception string this strong (DJP's catalogue names one cause for it) decides like a recorded fact.</summary>
    private const double DecidingRuleWeight = 3.0;

    /// <summary>"Failed PKCS12 Integrity Checking" names two causes: whatever the words, no more confidence than this.</summary>
    private const double AmbiguousRuleConfidence = 0.65;

    private const int ScenarioDimension = 0;
    private const int CauseDimension = 1;
    private const int SystemDimension = 2;
    private const int ScenarioClasses = (int)Scenario.Unknown; // Registration..Other
    private const int CauseClasses = (int)Cause.Unknown; // CorruptCertificate..Other

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

    private readonly TextModel[] _models;
    private readonly FeatureSpace _space;
    private readonly ScorerSettings[] _scorer;

    /// <summary>A classifier for the catalogue, with the text model trained on the shipped corpus and optional learned weights.</summary>
    public Classifier(Catalogue catalogue, LearnedWeights? learned = null)
        : this(catalogue, learned, null)
    {
    }

    /// <summary><paramref name="models"/>: scenario and cause models; null for the default ones trained on the shipped corpus.</summary>
    internal Classifier(Catalogue catalogue, LearnedWeights? learned, TextModel[]? models, ScorerSettings[]? scorer = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        (_models, _space) = models is null ? (DefaultModels.Value.Models, DefaultModels.Value.Space) : (models, FeatureSpace.Of(models));
        _scorer = scorer ?? Scorer.Defaults;
        Alive.AddOrUpdate(this, null);
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
        work.Reset(_phrases.Length, _learnedCount, _space.Count);

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
        var fileCheck = FileCheckFacts(input, work, evidence);
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
        CollectFeatures(input, work);
        ModelLogits(work);

        work.Decided[ScenarioDimension] = chosenScenario is null ? null : (int)chosenScenario.Value;
        var (scenario, scenarioConfidence) = Scorer.Decide(ScenarioSettings(work), work.Scores[ScenarioDimension], work.Logits[ScenarioDimension],
            chosenScenario is null ? null : (int)chosenScenario.Value, prior: SystemPrior(work));
        // Facts beat words, in this order: the certificate's dates, the .p12 check, an exception string, other clients' reports.
        var decided = expiredByDate ? Cause.ExpiredCertificate
            : fileCheck ?? (work.DecidingRule >= 0 ? (Cause)work.DecidingRule
            : input.RecentSameCodeReports >= OutageReports ? Cause.DjpOutage : null);
        var validByDate = !expiredByDate && evidence.Exists(e => e.Source == EvidenceSource.Structured && e.Field == EvidenceField.Certificate
            && e.Points == Wire.PointsOf(Cause.ExpiredCertificate));
        work.Decided[CauseDimension] = decided is null ? null : (int)decided.Value;
        work.RuledOut = validByDate ? (int)Cause.ExpiredCertificate : null;
        var (cause, causeConfidence) = Scorer.Decide(_scorer[CauseDimension], work.Scores[CauseDimension], work.Logits[CauseDimension],
            work.Decided[CauseDimension], work.RuledOut, CausePrior(work));
        if (decided is null && work.AmbiguousRule)
        {
            causeConfidence = Math.Min(causeConfidence, AmbiguousRuleConfidence);
        }

        if (scenario >= 0 && chosenScenario is null)
        {
            AddModelEvidence(input, work, ScenarioDimension, scenario, Wire.PointsOf((Scenario)scenario), evidence);
        }

        if (cause >= 0 && decided is null)
        {
            AddModelEvidence(input, work, CauseDimension, cause, Wire.PointsOf((Cause)cause), evidence);
        }

        var systemEvidence = new List<Evidence>();
        var (system, systemConfidence) = DecideSystem(input, work, scenario, scenarioConfidence, systemEvidence);
        return new Classification(codes, ambiguous,
            scenario < 0 ? Scenario.Unknown : (Scenario)scenario, scenarioConfidence,
            cause < 0 ? Cause.Unknown : (Cause)cause, causeConfidence,
            evidence, _version)
        {
            System = system,
            SystemConfidence = systemConfidence,
            SystemEvidence = systemEvidence,
        };
    }

    /// <summary>The scorer's inputs for one ticket (rule and fact scores, model logits, what facts decide or rule out): for tuning on dev.</summary>
    internal (double[][] Rules, double[][] Logits, int? ScenarioFact, int? CauseFact, int? CauseRuledOut) Parts(ClassificationInput input)
    {
        Classify(input);
        var work = _work!;
        return ([.. work.Scores.Select(s => s.ToArray())], [.. work.Logits.Select(l => l.ToArray())],
            work.Decided[ScenarioDimension], work.Decided[CauseDimension], work.RuledOut);
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
}
