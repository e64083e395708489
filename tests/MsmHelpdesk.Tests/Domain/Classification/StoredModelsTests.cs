using System.Text;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// The classifier loads the models stored next to the Domain assembly instead of training them at start (decision 0193): they
/// must be today's — trained on today's corpus, settings and feature reading — and answer exactly as trained ones do.
/// </summary>
public sealed class StoredModelsTests
{
    private const string Regenerate = "the stored classifier models are stale: run src/MsmHelpdesk.Domain/Classification/store-models.sh";

    /// <summary>One fresh training for the tests that compare with it (tens of seconds).</summary>
    private static readonly Lazy<TextModel[]> Trained = new(Classifier.TrainDefaultModels);

    [Fact]
    public void ShouldStoreModelsWhoseKeyIsTodaysCorpusAndSettings()
    {
        using var stored = StoredModels.OpenShipped();
        Assert.NotNull(stored);
        using var reader = new BinaryReader(stored, Encoding.UTF8);

        var key = StoredModels.ReadKey(reader);

        Assert.True(key == StoredModels.CurrentKey(Classifier.DefaultTraining()), $"{Regenerate} (stored key {key})");
    }

    [Fact]
    public void ShouldStoreBitForBitWhatTrainingGivesToday()
    {
        // The key cannot see a change in how a ticket is read (tokenizer, lexicon, catalogue): this comparison does.
        var stored = Load();

        Assert.Equal(Trained.Value.Length, stored.Length);
        for (var m = 0; m < stored.Length; m++)
        {
            Assert.True(Bytes(Trained.Value[m]).AsSpan().SequenceEqual(Bytes(stored[m])), $"model {m} differs from today's training: {Regenerate}");
        }
    }

    [Fact]
    public void ShouldAnswerEveryCorpusTicketAsTheTrainedModelsDo()
    {
        var catalogue = DefaultCatalogue.Create();
        var loaded = new Classifier(catalogue);
        var trained = new Classifier(catalogue, null, Trained.Value);
        // Train and dev of both corpora, the tickets the models learnt from; never a frozen test split.
        var tickets = new[] { "corpus.jsonl", "train.jsonl", "dev.jsonl", "coretax/train.jsonl", "coretax/dev.jsonl" }.SelectMany(LabelledTicket.Load).ToList();

        foreach (var ticket in tickets)
        {
            var expected = trained.Classify(ticket.ToInput());
            var actual = loaded.Classify(ticket.ToInput());
            Assert.True(
                (expected.Scenario, expected.ScenarioConfidence, expected.Cause, expected.CauseConfidence, expected.System, expected.SystemConfidence)
                == (actual.Scenario, actual.ScenarioConfidence, actual.Cause, actual.CauseConfidence, actual.System, actual.SystemConfidence),
                $"{ticket.Id}: trained {expected.Scenario}/{expected.Cause}/{expected.System} ({expected.ScenarioConfidence}, {expected.CauseConfidence}, {expected.SystemConfidence}), "
                + $"loaded {actual.Scenario}/{actual.Cause}/{actual.System} ({actual.ScenarioConfidence}, {actual.CauseConfidence}, {actual.SystemConfidence})");
        }

        Assert.True(tickets.Count > 10_000, $"{tickets.Count} tickets");
    }

    [Fact]
    public void ShouldTrainTheSameBytesTwice()
    {
        // The staleness test compares a training with one made in another process: training has no randomness (TextModel).
        var reader = new Classifier(DefaultCatalogue.Create(), null, Classifier.EmptyModels());
        var tickets = LabelledTicket.Load("corpus.jsonl")
            .Select(t => new TrainingTicket(t.Id, t.ToInput(), t.Scenario, t.Cause, t.System ?? TaxSystem.EfakturDesktop)).ToList();

        var first = reader.TrainModels(tickets);
        var second = reader.TrainModels(tickets);

        Assert.True(first.Sum(model => model.FeatureCount) > 1000, "the models learnt almost nothing");
        Assert.Equal(first.Select(Bytes), second.Select(Bytes));
    }

    [Fact]
    public void ShouldLoadTheStoredModelsWhenTheKeyMatches()
    {
        var models = TinyModels();
        using var stored = Stored("key-1", models);

        var (loaded, whyTrained) = StoredModels.LoadOrTrain(stored, "key-1", () => throw new InvalidOperationException("trained"));

        Assert.Null(whyTrained);
        Assert.Equal(models.Select(Bytes), loaded.Select(Bytes));
        Assert.Equal(["w:a", "w:b"], loaded[0].Names);
    }

    [Fact]
    public void ShouldTrainAndSayWhyWhenTheKeyIsNotTodays()
    {
        var trained = Classifier.EmptyModels();
        using var stored = Stored("yesterday", TinyModels());

        var (models, whyTrained) = StoredModels.LoadOrTrain(stored, "today", () => trained);

        Assert.Same(trained, models);
        Assert.Contains("yesterday", whyTrained);
        Assert.Contains("today", whyTrained);
    }

    [Fact]
    public void ShouldTrainWhenNoModelsAreStored()
    {
        var trained = Classifier.EmptyModels();

        var (models, whyTrained) = StoredModels.LoadOrTrain(null, "today", () => trained);

        Assert.Same(trained, models);
        Assert.NotNull(whyTrained);
    }

    [Fact]
    public void ShouldStoreTheWeightsAsTheFloatsTheTrainedModelHolds()
    {
        // Format 2 (decision 0199): training's doubles are rounded to float once, when the model is built, so a trained and a
        // loaded model hold the same floats and answer bit-identically; the file stores four bytes a weight.
        var model = TinyModels()[1];
        using var stored = Stored("key-2", [model]);

        var loaded = StoredModels.LoadOrTrain(stored, "key-2", () => throw new InvalidOperationException("trained")).Models.Single();

        Assert.Equal(Bytes(model), Bytes(loaded));
        // classes, column count, two one-byte gaps, then 2 values and 3 biases as doubles and 2 × 3 weights as floats
        Assert.Equal(4 + 4 + 2 + (2 + 3) * 8 + (2 * 3 * 4), Bytes(model).Length);
        var word = model.IndexOf("w:b"); // one occurrence counts 1: its Weight is the stored weight itself
        for (var label = 0; label < model.Classes; label++)
        {
            Assert.Equal(model.Weight(word, label), loaded.Weight(word, label));
            Assert.Equal(model.Weight(word, label), (double)(float)model.Weight(word, label));
            Assert.NotEqual(0, model.Weight(word, label));
        }
    }

    [Fact]
    public void ShouldTrainAndSayWhyWhenTheStoredModelsAreOfTheFormerFormat()
    {
        var trained = Classifier.EmptyModels();
        using var stored = new MemoryStream();
        using (var writer = new BinaryWriter(stored, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes("MSMTM"));
            writer.Write(1);
            writer.Write("today");
        }

        stored.Position = 0;

        var (models, whyTrained) = StoredModels.LoadOrTrain(stored, "today", () => trained);

        Assert.Same(trained, models);
        Assert.Contains("(format 1)", whyTrained);
    }

    [Fact]
    public void ShouldChangeTheKeyWithTheTrainingSettings()
    {
        var today = StoredModels.CurrentKey(Classifier.DefaultTraining());

        Assert.Contains("\"Epochs\":150", Classifier.DefaultTraining());
        Assert.NotEqual(today, StoredModels.CurrentKey(Classifier.DefaultTraining().Replace("\"Epochs\":150", "\"Epochs\":151", StringComparison.Ordinal)));
        Assert.Equal(today, StoredModels.CurrentKey(Classifier.DefaultTraining()));
    }

    private static TextModel[] Load()
    {
        using var stored = StoredModels.OpenShipped()!;
        return StoredModels.LoadOrTrain(stored, StoredModels.CurrentKey(Classifier.DefaultTraining()), () => throw new InvalidOperationException(Regenerate)).Models;
    }

    private static TextModel[] TinyModels() =>
    [
        TextModel.Train([(["w:a", "w:b"], 0), (["w:a", "w:b"], 1), (["w:b"], 0)], 2, minimumCount: 1, epochs: 3),
        TextModel.Train([(["w:b", "c:<b>"], 0), (["c:<b>"], 2)], 3, minimumCount: 1, epochs: 3, valueOf: f => f.StartsWith("c:", StringComparison.Ordinal) ? 0.1 : 1),
    ];

    private static MemoryStream Stored(string key, TextModel[] models)
    {
        var stream = new MemoryStream();
        StoredModels.Write(stream, key, models);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A model's every field, uncompressed, as the store writes it.</summary>
    private static byte[] Bytes(TextModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var names = model.Names.Select((name, i) => (name, i)).ToDictionary(pair => pair.name, pair => pair.i, StringComparer.Ordinal);
            model.Write(writer, names);
        }

        return stream.ToArray();
    }
}
