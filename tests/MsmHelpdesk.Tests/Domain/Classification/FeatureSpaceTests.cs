using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// The shared feature index (decision 0188) and the hot path's arithmetic (decision 0197: features marked instead of
/// sorted, rows added several classes at a time) must not move any answer: each model's logits equal, to the bit, those
/// of looking every feature string up in that model's own columns and adding bias and weights in a plain loop.
/// </summary>
public sealed class FeatureSpaceTests
{
    [Fact]
    public void ShouldGiveEveryModelTheSameLogitsAsLookingEachFeatureUpInThatModel()
    {
        var classifier = new Classifier(DefaultCatalogue.Create());
        var models = classifier.Models;
        // Train and dev of both corpora, never a frozen test split.
        var tickets = new[] { "train.jsonl", "dev.jsonl", "coretax/train.jsonl", "coretax/dev.jsonl" }.SelectMany(LabelledTicket.Load).ToList();
        var known = 0;
        foreach (var ticket in tickets)
        {
            var input = ticket.ToInput();
            var features = classifier.Read(input).Features;
            var actual = classifier.ModelLogitsOf(input);
            for (var m = 0; m < models.Count; m++)
            {
                var columns = features.Select(models[m].IndexOf).Where(column => column >= 0).Distinct().Order().ToArray();
                known += columns.Length;
                var expected = ReferenceLogits(models[m], columns);
                Assert.True(expected.AsSpan().SequenceEqual(actual[m]), $"{ticket.Id}, model {m}: [{string.Join(", ", expected)}] ≠ [{string.Join(", ", actual[m])}]");
            }
        }

        Assert.True(tickets.Count > 1000, $"{tickets.Count} tickets");
        Assert.True(known > 100 * tickets.Count, $"{known} known features over {tickets.Count} tickets: the models know almost nothing");
    }

    /// <summary>The reference: bias, then each column's value × weight in ascending column order, one class at a time.</summary>
    private static double[] ReferenceLogits(TextModel model, int[] columns)
    {
        var logits = new double[model.Classes];
        for (var k = 0; k < model.Classes; k++)
        {
            logits[k] = 0.0 + model.Bias(k);
            foreach (var column in columns)
            {
                logits[k] += model.Weight(column, k);
            }
        }

        return logits;
    }

    [Fact]
    public void ShouldMapASharedIdToEachModelsOwnColumn()
    {
        var scenario = TextModel.Train([(["w:a", "w:b"], 0), (["w:a", "w:b"], 1), (["w:b"], 0)], 2, minimumCount: 1, epochs: 3);
        var system = TextModel.Train([(["w:b", "w:c"], 0), (["w:c"], 1)], 2, minimumCount: 1, epochs: 3);
        var space = FeatureSpace.Of([scenario, system]);

        Assert.Equal(3, space.Count);
        Assert.Equal([0, 1, 2], new[] { "w:a", "w:b", "w:c" }.Select(name => space.Find(name)));
        Assert.Equal(-1, space.Find("w:d"));
        Assert.Equal([0, 1, -1], space.Columns(0).ToArray());
        Assert.Equal([-1, 0, 1], space.Columns(1).ToArray());
    }
}
