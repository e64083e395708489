using System.Globalization;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// What the classifier remembers about words between calls (how an unknown word resolves, a word's character grams;
/// decision 0197) must not move any answer: a classifier with a small memo, emptied many times over the corpora and
/// answering most words from it, answers every train and dev ticket exactly as one that remembers nothing.
/// </summary>
public sealed class ClassifierMemoTests
{
    [Fact]
    public void ShouldAnswerEveryTrainAndDevTicketAsAClassifierThatRemembersNothing()
    {
        var catalogue = DefaultCatalogue.Create();
        var remembering = new Classifier(catalogue) { MemoCapacity = 512 };
        var forgetting = new Classifier(catalogue) { MemoCapacity = 0 };
        // Train and dev of both corpora, never a frozen test split.
        var tickets = new[] { "train.jsonl", "dev.jsonl", "coretax/train.jsonl", "coretax/dev.jsonl" }.SelectMany(LabelledTicket.Load).ToList();
        foreach (var ticket in tickets)
        {
            var input = ticket.ToInput();
            Assert.Equal(Describe(forgetting.Classify(input)), Describe(remembering.Classify(input)));
            Assert.Equal(forgetting.Terms(input.Description), remembering.Terms(input.Description));
        }

        Assert.True(tickets.Count > 1000, $"{tickets.Count} tickets");
    }

    [Fact]
    public void ShouldResolveATypoFromTheMemoAsTheFirstTime()
    {
        var classifier = new Classifier(DefaultCatalogue.Create()) { MemoCapacity = 2 };
        var first = classifier.Terms("sertifkat pasphrse sertifkat kadaluwarsa pasphrse sertifkat");

        Assert.Equal(first[0], first[2]);
        Assert.Equal(first[0], first[5]);
        Assert.Equal(first[1], first[4]);
        Assert.Equal(first, classifier.Terms("sertifkat pasphrse sertifkat kadaluwarsa pasphrse sertifkat"));
        Assert.Equal(new Classifier(DefaultCatalogue.Create()) { MemoCapacity = 0 }.Terms("sertifkat pasphrse"), first.Take(2));
    }

    [Fact]
    public void ShouldForgetEveryRememberedWordWhenTheProcessIsIdleAndAnswerTheSameAfter()
    {
        var classifier = new Classifier(DefaultCatalogue.Create());
        var input = new ClassificationInput("ETAX-40002", "sertifkat elektronik kadaluwarsa waktu upload faktur, pasphrse sudah benar", null, null, null, null);
        var before = Describe(classifier.Classify(input));
        var remembered = classifier.RememberedWords;

        Classifier.ForgetRememberedWords();

        Assert.True(remembered > 0, "the classifier remembered no word");
        Assert.Equal(0, classifier.RememberedWords);
        Assert.Equal(before, Describe(classifier.Classify(input)));
        Assert.True(classifier.RememberedWords > 0);
    }

    /// <summary>Every part of an answer, the numbers round-trip exact.</summary>
    private static string Describe(MsmHelpdesk.Domain.Classification.Classification answer) => string.Join("\n",
        [
            string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(',', answer.ErrorCodes)} {answer.AmbiguousCode} {answer.Scenario} {answer.ScenarioConfidence:R} {answer.Cause} {answer.CauseConfidence:R} {answer.System} {answer.SystemConfidence:R} {answer.Version}"),
            .. answer.Evidence.Concat(answer.SystemEvidence).Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{e.Points} {e.Source} {e.Field} {e.Start}+{e.Length} {e.Weight:R} {e.Text}")),
        ]);
}
