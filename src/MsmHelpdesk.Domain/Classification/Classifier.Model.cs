using System.Text.Json;

namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// The statistical part: a ticket's words as features for <see cref="TextModel"/>, the default models trained
/// from the shipped corpus, and the words that moved the model most, as evidence.
/// </summary>
public sealed partial class Classifier
{
    private const int ScenarioLabels = ScenarioClasses + 1; // with Unknown
    private const int CauseLabels = CauseClasses + 1;
    private const int SystemLabels = (int)TaxSystem.Unknown + 1; // efaktur-desktop, coretax, unknown last
    private const int NegationScope = 3;
    private const int HedgeScope = 4;
    private const int ModelEvidenceCount = 3;
    private const double ModelEvidenceMinimum = 0.4; // sharper logits since decision 0101: a weaker word is not worth citing
    private const string CharGramPrefix = "c:";
    private const int DefaultCharGrams = 2;
    private const double DefaultGramValue = 0.1;
    private const double DefaultSkipReadingBelow = 0.005;

    /// <summary>
    /// Character 3–5-grams of each word (after normalisation, within the word): 0 none, 1 for words the lexicon does
    /// not know, 2 for every word. They let the model read a misspelt or slang form by the parts it shares with a
    /// trained one. Chosen by cross-validation on train (decision 0101).
    /// </summary>
    internal int CharGrams { get; init; } = DefaultCharGrams;

    /// <summary>How much one character gram counts next to a word (a word has a dozen grams); by cross-validation.</summary>
    internal double GramValue { get; init; } = DefaultGramValue;

    /// <summary>
    /// A system's reading (its scenario and cause models) is skipped when the system model gives it less than this share:
    /// its term in the mixture moves no answer (0 reads both always). Decision 0107: 0.005 changed no label of the 3,964
    /// out-of-fold answers and cut a call's time by about a third.
    /// </summary>
    internal double SkipReadingBelow { get; init; } = DefaultSkipReadingBelow;

    /// <summary>
    /// Once per process: the corpus is part of the build, so every instance would learn the same. Loaded from the models
    /// stored next to this assembly when their key says they were trained on today's corpus and settings (decision 0193),
    /// otherwise trained as before decision 0193 (<see cref="DefaultModelSet.WhyTrained"/> says why).
    /// </summary>
    private static readonly Lazy<DefaultModelSet> DefaultModels = new(() =>
    {
        var (models, whyTrained) = StoredModels.LoadOrTrain(StoredModels.OpenShipped(), StoredModels.CurrentKey(DefaultTraining()), TrainDefaultModels);
        return new DefaultModelSet(models, FeatureSpace.Of(models), whyTrained);
    });

    private sealed record DefaultModelSet(TextModel[] Models, FeatureSpace Space, string? WhyTrained);

    /// <summary>True once the shipped models are ready, loaded or trained (the first classification in a process waits for them).</summary>
    public static bool ModelsReady => DefaultModels.IsValueCreated;

    /// <summary>
    /// Loads (or, when the stored ones are stale, trains) the shipped models on a pool thread, if no one has yet, and
    /// completes when they are ready: the host calls it at start-up so that the first ticket does not wait for them.
    /// The result is null when the stored models were loaded, otherwise why they were trained instead (for a warning).
    /// </summary>
    public static Task<string?> WarmUpAsync() => Task.Run(() => DefaultModels.Value.WhyTrained);

    /// <summary>
    /// Trains the shipped models afresh on the shipped corpus and writes them, with their key, to <paramref name="output"/>
    /// (the CLI's "classifier store-models", decision 0193). Returns the key.
    /// </summary>
    public static string StoreDefaultModels(Stream output)
    {
        var key = StoredModels.CurrentKey(DefaultTraining());
        StoredModels.Write(output, key, TrainDefaultModels());
        return key;
    }

    /// <summary>
    /// What the shipped models' training depends on besides the corpus, in the stored models' key: the settings, how
    /// words become features (the character grams) and the versions of the classifier and the catalogue it reads with.
    /// </summary>
    internal static string DefaultTraining() => JsonSerializer.Serialize(new
    {
        Settings = TrainingSettings.Default,
        CharGrams = DefaultCharGrams,
        GramValue = DefaultGramValue,
        Classifier = ClassifierVersion,
        Catalogue = DefaultCatalogue.Version,
    });

    internal static TextModel[] TrainDefaultModels()
    {
        var reader = new Classifier(DefaultCatalogue.Create(), null, EmptyModels());
        return reader.TrainModels(TrainingCorpus.Load(), TrainingSettings.Default);
    }

    /// <summary>
    /// Untrained models, a classifier that only reads (for training and cross-validation): scenario and cause as read
    /// in e-Faktur desktop tickets, the system, then scenario and cause as read in Coretax tickets (decision 0106).
    /// </summary>
    internal static TextModel[] EmptyModels() =>
        [TextModel.Empty(ScenarioLabels), TextModel.Empty(CauseLabels), TextModel.Empty(SystemLabels), TextModel.Empty(ScenarioLabels), TextModel.Empty(CauseLabels)];

    /// <summary>Where the Coretax tickets' scenario and cause models sit in the model array (the desktop ones at the dimension's own index).</summary>
    private const int CoretaxModels = 3;

    /// <summary>
    /// Fits the models on labelled tickets, read with this instance's tokenizer: the system model on every ticket,
    /// scenario and cause twice — once on the tickets not about Coretax (the ETAX corpora and the desktop tickets of
    /// 2025–26), once on those not about e-Faktur desktop — so each reads its tickets in its own taxonomy; the
    /// system's probabilities mix them (decision 0106). A label that
    /// a recorded fact decides (a scenario chosen from the list, a certificate expired by its dates, an outage
    /// shown by other clients' reports) teaches the words nothing, so that ticket is left out of that model.
    /// </summary>
    internal TextModel[] TrainModels(IEnumerable<TrainingTicket> tickets, TrainingSettings? settings = null)
    {
        var (minimumCount, scenarioL2, causeL2, systemL2, epochs) = settings ?? TrainingSettings.Default;
        List<(IReadOnlyCollection<string>, int)>[] scenarios = [[], []], causes = [[], []];
        var systems = new List<(IReadOnlyCollection<string>, int)>();
        foreach (var ticket in tickets)
        {
            var (features, factDecidesCause, chosen) = Read(ticket.Input);
            systems.Add((features, (int)ticket.System));
            // An Unknown-system ticket teaches both readings.
            foreach (var reading in (ReadOnlySpan<int>)[0, 1])
            {
                if (ticket.System == (reading == 0 ? TaxSystem.Coretax : TaxSystem.EfakturDesktop))
                {
                    continue;
                }

                if (!chosen)
                {
                    scenarios[reading].Add((features, (int)ticket.Scenario));
                }

                if (!factDecidesCause)
                {
                    causes[reading].Add((features, (int)ticket.Cause));
                }
            }
        }

        // The models are independent (and each deterministic): trained side by side, start-up waits for the slowest.
        var models = new TextModel[5];
        Parallel.Invoke(
            () => models[ScenarioDimension] = TextModel.Train(scenarios[0], ScenarioLabels, minimumCount, scenarioL2, epochs, valueOf: ValueOf),
            () => models[CauseDimension] = TextModel.Train(causes[0], CauseLabels, minimumCount, causeL2, epochs, valueOf: ValueOf),
            () => models[SystemDimension] = TextModel.Train(systems, SystemLabels, minimumCount, systemL2, epochs / 3, valueOf: ValueOf),
            () => models[CoretaxModels + ScenarioDimension] = TextModel.Train(scenarios[1], ScenarioLabels, minimumCount, scenarioL2, epochs, valueOf: ValueOf),
            () => models[CoretaxModels + CauseDimension] = TextModel.Train(causes[1], CauseLabels, minimumCount, causeL2, epochs, valueOf: ValueOf));
        return models;
    }

    private double ValueOf(string feature) => feature.StartsWith(CharGramPrefix, StringComparison.Ordinal) ? GramValue : 1.0;

    /// <summary>The model features of a ticket, as the classifier reads it; for training and tests.</summary>
    internal (IReadOnlyCollection<string> Features, bool FactDecidesCause, bool ScenarioChosen) Read(ClassificationInput input)
    {
        var work = new Work();
        work.Reset(_phrases.Length, _learnedCount);
        var chosen = input.Activity is { } activity && Wire.ParseScenario(activity) is not null;
        Tokenize(input.ErrorText, EvidenceField.ErrorText, work);
        Tokenize(input.Description, EvidenceField.Description, work);
        if (!chosen)
        {
            Tokenize(input.Activity, EvidenceField.Activity, work);
        }

        var evidence = new List<Evidence>();
        FindCodes(input, work, evidence, out _);
        var expired = CertificateFacts(input, work, evidence);
        CollectFeatures(input, work, strings: true);
        var features = work.Features.Select(feature => feature.Key).Distinct(StringComparer.Ordinal).ToArray();
        return (features, expired || input.RecentSameCodeReports >= OutageReports, chosen);
    }

    /// <summary>
    /// Words (normalised, stemmed) and neighbouring pairs. A word after a negation ("bukan masalah sertifikat")
    /// becomes "n:" and a word after a hedge ("kirain sertel expired") "h:", so the model can weigh a denied or
    /// doubted cause on its own. "tidak bisa upload" is an inability, not a denial: a modal ends the scope.
    /// </summary>
    /// <remarks>
    /// <paramref name="strings"/>: the features as strings, for training (<see cref="Work.Features"/>); otherwise each is
    /// built in the work's buffers and looked up once in the shared <see cref="FeatureSpace"/>; the ones a model knows are
    /// marked (<see cref="Work.Mark"/>), and the words and pairs among them kept with their tokens (<see cref="Work.Found"/>).
    /// </remarks>
    private void CollectFeatures(ClassificationInput input, Work work, bool strings = false)
    {
        work.Features.Clear();
        work.Found.Clear();
        // A ticket without a report date says so: no Coretax-era ticket of the corpora lacks one, so the system model
        // can learn that undated, code-less text was written about the desktop app (decision 0106).
        Emit(work, DateEpoch(input.ReportedAt) ?? "t:undated", -1, -1, cited: false, strings);

        var previousLength = -1; // -1: no previous word
        var previousIndex = -1;
        for (var i = 0; i < work.TokenCount; i++)
        {
            ref var token = ref work.Tokens[i];
            ReadOnlySpan<char> name;
            if (token.IsDigits)
            {
                if (token.Length != 5)
                {
                    previousLength = -1;
                    continue;
                }

                name = FieldText(input, token.Field).AsSpan(token.Start, 5);
            }
            else if (token.Id >= 0)
            {
                name = _termNames[token.Id];
            }
            else
            {
                var raw = FieldText(input, token.Field).AsSpan(token.Start, token.Length);
                var canon = Work.Room(ref work.Name, raw.Length);
                name = UnknownForm(canon[..Canon(raw, canon)]);
            }

            if (name.Length < 2)
            {
                continue;
            }

            var prefix = "w:";
            if (!IsWord(token.Id, WordNegation))
            {
                for (var j = i - 1; j >= 0 && j >= i - HedgeScope && work.Tokens[j].Sentence == token.Sentence; j--)
                {
                    var id = work.Tokens[j].Id;
                    if (IsWord(id, WordModal) || IsWord(id, WordFinding))
                    {
                        break;
                    }

                    if (IsWord(id, WordNegation) && j >= i - NegationScope && !work.Consumed[j])
                    {
                        prefix = "n:";
                        break;
                    }

                    if (IsWord(id, WordHedge))
                    {
                        prefix = "h:";
                        break;
                    }
                }
            }

            Emit(work, Join(ref work.Key, prefix, name), i, i, cited: true, strings);
            if (prefix == "w:" && (CharGrams == 2 || (CharGrams == 1 && token.Id < 0))) // a denied word's grams would not be denied
            {
                AddCharGrams(name, i, work, strings);
            }

            if (previousLength >= 0 && work.Tokens[previousIndex].Sentence == token.Sentence)
            {
                var key = Work.Room(ref work.Key, 3 + previousLength + name.Length);
                "b:".CopyTo(key);
                work.Previous.AsSpan(0, previousLength).CopyTo(key[2..]);
                key[2 + previousLength] = '_';
                name.CopyTo(key[(3 + previousLength)..]);
                Emit(work, key[..(3 + previousLength + name.Length)], previousIndex, i, cited: true, strings);
            }

            name.CopyTo(Work.Room(ref work.Previous, name.Length));
            previousLength = name.Length;
            previousIndex = i;
        }
    }

    /// <summary>
    /// A feature, as a string for training or, when a model knows it, marked by its shared id; a word or pair that can be
    /// <paramref name="cited"/> as evidence is also kept with its tokens (a gram is no word to show, the report date is a fact).
    /// </summary>
    private void Emit(Work work, ReadOnlySpan<char> key, int first, int last, bool cited, bool strings)
    {
        if (strings)
        {
            work.Features.Add((new string(key), first, last));
        }
        else if (_space.Find(key) is var id and >= 0)
        {
            work.Mark(id);
            if (cited)
            {
                work.Found.Add((id, first, last));
            }
        }
    }

    /// <summary><paramref name="prefix"/> + <paramref name="name"/> in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Join(ref char[] buffer, string prefix, ReadOnlySpan<char> name)
    {
        var key = Work.Room(ref buffer, prefix.Length + name.Length);
        prefix.CopyTo(key);
        name.CopyTo(key[prefix.Length..]);
        return key[..(prefix.Length + name.Length)];
    }

    /// <summary>
    /// The rule period of the report date (WIB), as a feature: before Coretax (2025-01-01), Coretax's first weeks, the
    /// desktop app limited to creating and replacing its own invoices (from 2025-02-13), and desktop replacements
    /// refused with ETAX-API-10056 (from 2025-11-08). What a ticket means depends on the rules in force (DOMAIN-2026.md).
    /// </summary>
    private static string? DateEpoch(DateTimeOffset? reportedAt)
    {
        if (reportedAt is not { } at)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime);
        return day < CoretaxStart ? "t:pre-coretax" : day < DesktopLimited ? "t:coretax-start" : day < DesktopReplacementRefused ? "t:desktop-limited" : "t:desktop-replacement-refused";
    }

    private static readonly DateOnly CoretaxStart = new(2025, 1, 1);
    private static readonly DateOnly DesktopLimited = new(2025, 2, 13);
    private static readonly DateOnly DesktopReplacementRefused = new(2025, 11, 8);

    /// <summary>
    /// The models' logits for the collected features, into the work's buffers: the system first, then scenario and
    /// cause as log P = log(P(desktop) · P_desktop-model + P(coretax) · P_coretax-model), an Unknown system counting
    /// half to each (decision 0106).
    /// </summary>
    private void ModelLogits(Work work)
    {
        // Each feature once and in ascending order: read from the marks, no sort (decision 0197).
        work.FeatureIds.Clear();
        work.TakeMarked(work.FeatureIds);

        AddLogits(SystemDimension, work, work.Logits[SystemDimension]);
        var desktop = DesktopShare(work);
        var readDesktop = SkipReadingBelow <= 0 || desktop >= SkipReadingBelow;
        var readCoretax = SkipReadingBelow <= 0 || 1 - desktop >= SkipReadingBelow;
        foreach (var dimension in (ReadOnlySpan<int>)[ScenarioDimension, CauseDimension])
        {
            var mixed = work.Logits[dimension];
            if (_models.Length <= CoretaxModels + dimension)
            {
                AddLogits(dimension, work, mixed);
                continue;
            }

            var coretax = work.CoretaxLogits[dimension];
            if (readDesktop)
            {
                AddLogits(dimension, work, mixed);
                TextModel.Softmax(mixed);
            }
            else
            {
                Array.Clear(mixed);
            }

            if (readCoretax)
            {
                AddLogits(CoretaxModels + dimension, work, coretax);
                TextModel.Softmax(coretax);
            }
            else
            {
                Array.Clear(coretax);
            }

            for (var k = 0; k < mixed.Length; k++)
            {
                mixed[k] = Math.Log(desktop * mixed[k] + (1 - desktop) * coretax[k] + 1e-6);
            }
        }
    }

    /// <summary>The text models: desktop scenario and cause, system, Coretax scenario and cause.</summary>
    internal IReadOnlyList<TextModel> Models => _models;

    /// <summary>Every model's logits (none skipped) for the features <see cref="Classify"/> collects from the ticket: for tests.</summary>
    internal double[][] ModelLogitsOf(ClassificationInput input)
    {
        Classify(input);
        var logits = new double[_models.Length][];
        for (var m = 0; m < _models.Length; m++)
        {
            logits[m] = new double[_models[m].Classes];
            AddLogits(m, _work!, logits[m]);
        }

        return logits;
    }

    /// <summary>The model of one dimension whose words are cited: the reading of the more likely system.</summary>
    private int EvidenceModel(Work work, int dimension) =>
        dimension != SystemDimension && _models.Length > CoretaxModels + dimension
        && SystemProbability(work, TaxSystem.Coretax) > SystemProbability(work, TaxSystem.EfakturDesktop)
            ? CoretaxModels + dimension : dimension;

    /// <summary>Sets <paramref name="logits"/> to model <paramref name="model"/>'s logits for the collected features (sorted shared ids, each once).</summary>
    private void AddLogits(int model, Work work, double[] logits)
    {
        Array.Clear(logits);
        _models[model].AddLogits(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(work.FeatureIds), _space.Columns(model), logits);
    }

    private static bool Overlaps(List<(double Weight, int First, int Last)> chosen, int first, int last)
    {
        foreach (var item in chosen)
        {
            if (item.First <= last && first <= item.Last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words a rule already cites for the same class are not cited again.</summary>
    private static bool Cited(Work work, List<Evidence> evidence, string points, int first, int last)
    {
        ref var start = ref work.Tokens[first];
        ref var end = ref work.Tokens[last];
        foreach (var item in evidence)
        {
            if (item.Points == points && item.Field == start.Field && item.Start < end.Start + end.Length && start.Start < item.Start + item.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The few words that pushed the model most towards the verdict, as evidence the UI can highlight.</summary>
    private void AddModelEvidence(ClassificationInput input, Work work, int dimension, int label, string points, List<Evidence> evidence)
    {
        var index = EvidenceModel(work, dimension);
        var model = _models[index];
        var candidates = work.Candidates;
        candidates.Clear();
        foreach (var (shared, first, last) in work.Found)
        {
            var id = _space.Column(index, shared);
            if (id < 0)
            {
                continue;
            }

            var mean = 0.0;
            for (var k = 0; k < model.Classes; k++)
            {
                mean += model.Weight(id, k) / model.Classes;
            }

            var weight = _scorer[dimension].ModelWeight * (model.Weight(id, label) - mean);
            if (weight >= ModelEvidenceMinimum && !Cited(work, evidence, points, first, last))
            {
                candidates.Add((weight, first, last));
            }
        }

        candidates.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.First.CompareTo(b.First));
        var best = work.Best;
        best.Clear();
        foreach (var candidate in candidates)
        {
            if (best.Count < ModelEvidenceCount && !Overlaps(best, candidate.First, candidate.Last))
            {
                best.Add(candidate);
            }
        }

        foreach (var (weight, first, last) in best)
        {
            ref var start = ref work.Tokens[first];
            ref var end = ref work.Tokens[last];
            var length = end.Start + end.Length - start.Start;
            evidence.Add(new Evidence(points, FieldText(input, start.Field).Substring(start.Start, length), start.Field, start.Start, length,
                Math.Round(weight, 3), EvidenceSource.Model));
        }
    }
}
