using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MsmHelpdesk.Domain.Classification;
using Xunit.Abstractions;
using Verdict = MsmHelpdesk.Domain.Classification.Classification;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// The shipped settings (features, decay, scorer, temperatures) measured by 5-fold cross-validation on the train
/// split, the way they were chosen (decision 0101): each fold is classified by a model trained on the other four
/// folds and the old corpus. A guard a little under the figures reached, so a change that only fits the shipped
/// model's own training text shows here.
/// </summary>
public sealed class CrossValidationTests(ITestOutputHelper output)
{
    private const int Folds = 5;
    private const double Confident = 0.7;

    /// <summary>Macro-F1 counts a class predicted but never true as F1 0: a stray Coretax cause on an ETAX ticket costs much.</summary>
    private const double MacroF1Floor = 0.68;

    /// <summary>The "seven ETAX causes": since writers O and P (decision 0107) the ETAX split also holds a few Coretax causes.</summary>
    internal static readonly Cause[] EtaxCauses =
        [Cause.CorruptCertificate, Cause.ExpiredCertificate, Cause.WrongPassphrase, Cause.Network, Cause.DjpOutage, Cause.Other, Cause.Unknown];

    [Fact]
    public void ShouldKeepTheCrossValidatedFiguresOnTheTrainSplit()
    {
        var catalogue = DefaultCatalogue.Create();
        var train = Load("train.jsonl");
        var coretax = Load("coretax/train.jsonl");
        var old = Load("corpus.jsonl");
        var all = new List<(TrainingTicket Ticket, Verdict Result)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var reader = new Classifier(catalogue, null, Classifier.EmptyModels());
            var models = reader.TrainModels(train.Concat(coretax).Where(t => Fold(t.Id) != fold).Concat(old));
            var classifier = new Classifier(catalogue, null, models);
            all.AddRange(train.Concat(coretax).Where(t => Fold(t.Id) == fold).Select(t => (t, classifier.Classify(t.Input))));
        }

        var coretaxIds = coretax.Select(t => t.Id).ToHashSet();
        var coretaxResults = all.Where(r => coretaxIds.Contains(r.Ticket.Id)).ToList();
        var results = all.Where(r => !coretaxIds.Contains(r.Ticket.Id)).ToList();
        var coretaxScenario = new Scores<Scenario>(coretaxResults.Select(r => (r.Ticket.Scenario, r.Result.Scenario)), Scenario.Unknown);
        var coretaxCause = new Scores<Cause>(coretaxResults.Select(r => (r.Ticket.Cause, r.Result.Cause)), Cause.Unknown);
        var coretaxSystem = coretaxResults.Count(r => r.Ticket.System == r.Result.System) / (double)coretaxResults.Count;
        var (coretaxScenarioPrecision, coretaxScenarioWrong) = Confidence(coretaxResults.Select(r => (r.Ticket.Scenario == r.Result.Scenario, r.Result.ScenarioConfidence)).ToList());
        var (coretaxCausePrecision, coretaxCauseWrong) = Confidence(coretaxResults.Select(r => (r.Ticket.Cause == r.Result.Cause, r.Result.CauseConfidence)).ToList());

        var scenario = new Scores<Scenario>(results.Select(r => (r.Ticket.Scenario, r.Result.Scenario)), Scenario.Unknown);
        var cause = new Scores<Cause>(results.Select(r => (r.Ticket.Cause, r.Result.Cause)), Cause.Unknown);
        var scenarioAnswers = results.Select(r => (Right: r.Ticket.Scenario == r.Result.Scenario, Confidence: r.Result.ScenarioConfidence)).ToList();
        var causeAnswers = results.Select(r => (Right: r.Ticket.Cause == r.Result.Cause, Confidence: r.Result.CauseConfidence)).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"== train split, {Folds}-fold out-of-fold: {results.Count} tickets ==");
        scenario.Print(text, "scenario", Wire.Of);
        cause.Print(text, "cause", Wire.Of);
        var (scenarioPrecision, scenarioWrong) = Confidence(scenarioAnswers);
        var (causePrecision, causeWrong) = Confidence(causeAnswers);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"scenario {scenario.Accuracy:0.000} | cause {cause.Accuracy:0.000} | cause macro-F1 {cause.MacroF1:0.000} (seven ETAX causes {cause.MacroF1Over(EtaxCauses):0.000}) | ≥ {Confident} right: scenario {scenarioPrecision:0.000}, cause {causePrecision:0.000} | confidently wrong: scenario {scenarioWrong:P1}, cause {causeWrong:P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"== Coretax train split, same folds: {coretaxResults.Count} tickets ==");
        coretaxScenario.Print(text, "scenario", Wire.Of);
        coretaxCause.Print(text, "cause", Wire.Of);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Coretax: scenario {coretaxScenario.Accuracy:0.000} | cause {coretaxCause.Accuracy:0.000} | cause macro-F1 {coretaxCause.MacroF1:0.000} | system {coretaxSystem:0.000} | ≥ {Confident} right: scenario {coretaxScenarioPrecision:0.000}, cause {coretaxCausePrecision:0.000} | confidently wrong: scenario {coretaxScenarioWrong:P1}, cause {coretaxCauseWrong:P1}");
        output.WriteLine(text.ToString());

        // Guards a little under the figures reached (decision 0112: writers A–J, O–Z, XA–XE with 0109's settings, i.e. 0108's
        // code): ETAX 0.904 / 0.890, macro-F1 0.696 (seven ETAX causes 0.875); Coretax 0.842 / 0.852, system 0.940;
        // confidently wrong ≤ 1.5 %. Decision 0115 (writers to XM, its scorer): ETAX 0.916 / 0.898, macro-F1 0.692 (0.884);
        // Coretax 0.861 / 0.874, system 0.938; scenario answers at ≥ 0.7 right 0.991 / 0.975, confidently wrong 0.5 / 0.9 %.
        Assert.True(scenario.Accuracy >= 0.90, $"scenario accuracy {scenario.Accuracy:0.000} < 0.90");
        Assert.True(cause.Accuracy >= 0.885, $"cause accuracy {cause.Accuracy:0.000} < 0.885");
        Assert.True(cause.MacroF1 >= MacroF1Floor, $"cause macro-F1 {cause.MacroF1:0.000} < {MacroF1Floor}");
        Assert.True(cause.MacroF1Over(EtaxCauses) >= 0.87, $"cause macro-F1 of the seven ETAX causes {cause.MacroF1Over(EtaxCauses):0.000} < 0.87");
        Assert.True(scenarioPrecision >= 0.965 && causePrecision >= 0.95, $"answers at ≥ {Confident}: {scenarioPrecision:0.000} / {causePrecision:0.000} right < 0.965 / 0.95");
        Assert.True(scenarioWrong <= 0.015 && causeWrong <= 0.03, $"confidently wrong {scenarioWrong:P1} / {causeWrong:P1} > 1.5 / 3 %");
        Assert.True(coretaxScenario.Accuracy >= 0.855 && coretaxCause.Accuracy >= 0.845, $"Coretax {coretaxScenario.Accuracy:0.000} / {coretaxCause.Accuracy:0.000} < 0.855 / 0.845");
        Assert.True(coretaxSystem >= 0.935, $"Coretax system {coretaxSystem:0.000} < 0.935");
        // Issue 14's 3 % (it was allowed 3.6 % before decision 0106: 1.5 % / 0.3 % with decision 0112's data); the scenario's
        // tighter since decision 0115's calibration (frozen v2 had Coretax's confident scenario answers at the 0.95 bar).
        Assert.True(coretaxScenarioWrong <= 0.015 && coretaxCauseWrong <= 0.03, $"Coretax confidently wrong {coretaxScenarioWrong:P1} / {coretaxCauseWrong:P1} > 1.5 / 3 %");
        Assert.True(coretaxScenarioPrecision >= 0.965 && coretaxCausePrecision >= 0.95, $"Coretax answers at ≥ {Confident}: {coretaxScenarioPrecision:0.000} / {coretaxCausePrecision:0.000} right < 0.965 / 0.95");
    }

    /// <summary>The second byte of the id's SHA-256 (the first places it in train, dev or test).</summary>
    private static int Fold(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[1] % Folds;

    private static List<TrainingTicket> Load(string file) =>
        File.ReadLines(CorpusTests.CorpusFile(file)).Where(line => !string.IsNullOrWhiteSpace(line)).Select(TrainingCorpus.Parse).ToList();

    private static (double Precision, double Wrong) Confidence(List<(bool Right, double Confidence)> answers)
    {
        var confident = answers.Where(a => a.Confidence >= Confident).ToList();
        return (confident.Count == 0 ? 1 : confident.Count(a => a.Right) / (double)confident.Count, confident.Count(a => !a.Right) / (double)answers.Count);
    }
}
