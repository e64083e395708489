using System.Globalization;
using System.Text;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// The issue's figures for one labelled set: accuracy, per-class precision/recall/F1, cause macro-F1, the share of
/// answers that are wrong with confidence ≥ 0.7, and a reliability table (confidence bins: count, accuracy).
/// </summary>
internal sealed record CorpusMeasurement(Scores<Scenario> Scenario, Scores<Cause> Cause, double ScenarioConfidentlyWrong, double CauseConfidentlyWrong,
    double ScenarioConfidentPrecision, double CauseConfidentPrecision, string Text)
{
    /// <summary>Share of the tickets with a system label whose system is right (1 when none has one).</summary>
    public double SystemAccuracy { get; init; } = 1;

    public double SystemConfidentlyWrong { get; init; }

    public const double Confident = 0.7;

    private static readonly double[] Bins = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

    /// <summary>Measures <paramref name="tickets"/>; <paramref name="listMisses"/> only for sets one may tune on.</summary>
    public static CorpusMeasurement Of(Classifier classifier, IReadOnlyList<LabelledTicket> tickets, string title, bool listMisses)
    {
        var results = tickets.Select(ticket => (Ticket: ticket, Result: classifier.Classify(ticket.ToInput()))).ToList();
        var scenario = new Scores<Scenario>(results.Select(r => (r.Ticket.Scenario, r.Result.Scenario)), MsmHelpdesk.Domain.Classification.Scenario.Unknown);
        var cause = new Scores<Cause>(results.Select(r => (r.Ticket.Cause, r.Result.Cause)), MsmHelpdesk.Domain.Classification.Cause.Unknown);
        var scenarioAnswers = results.Select(r => (Right: r.Ticket.Scenario == r.Result.Scenario, r.Result.ScenarioConfidence)).ToList();
        var causeAnswers = results.Select(r => (Right: r.Ticket.Cause == r.Result.Cause, r.Result.CauseConfidence)).ToList();

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"== {title}: {tickets.Count} tickets ==");
        scenario.Print(text, "scenario", Wire.Of);
        cause.Print(text, "cause", Wire.Of);
        var scenarioWrong = ConfidentlyWrong(scenarioAnswers);
        var causeWrong = ConfidentlyWrong(causeAnswers);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"scenario accuracy {scenario.Accuracy:0.000} | cause accuracy {cause.Accuracy:0.000} | cause macro-F1 {cause.MacroF1:0.000} | confidently wrong (≥ {Confident}): scenario {scenarioWrong:P1}, cause {causeWrong:P1}");
        Reliability(text, "scenario", scenarioAnswers);
        Reliability(text, "cause", causeAnswers);
        var labelled = results.Where(r => r.Ticket.System is not null).ToList();
        var systemAccuracy = labelled.Count == 0 ? 1 : labelled.Count(r => r.Ticket.System == r.Result.System) / (double)labelled.Count;
        var systemWrong = labelled.Count == 0 ? 0 : labelled.Count(r => r.Ticket.System != r.Result.System && r.Result.SystemConfidence >= Confident) / (double)labelled.Count;
        if (labelled.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"system accuracy {systemAccuracy:0.000} ({labelled.Count} labelled) | confidently wrong {systemWrong:P1}");
        }

        if (listMisses)
        {
            foreach (var (ticket, result) in results.Where(r => r.Ticket.Scenario != r.Result.Scenario || r.Ticket.Cause != r.Result.Cause))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  miss {ticket.Id}: want {Wire.Of(ticket.Scenario)}/{Wire.Of(ticket.Cause)}, got {Wire.Of(result.Scenario)} {result.ScenarioConfidence:0.00}/{Wire.Of(result.Cause)} {result.CauseConfidence:0.00} | {ticket.Text[..Math.Min(90, ticket.Text.Length)].ReplaceLineEndings(" ")}");
            }
        }

        return new CorpusMeasurement(scenario, cause, scenarioWrong, causeWrong, ConfidentPrecision(scenarioAnswers), ConfidentPrecision(causeAnswers), text.ToString())
        {
            SystemAccuracy = systemAccuracy,
            SystemConfidentlyWrong = systemWrong,
        };
    }

    private static double ConfidentlyWrong(List<(bool Right, double Confidence)> answers) =>
        answers.Count(a => !a.Right && a.Confidence >= Confident) / (double)answers.Count;

    private static double ConfidentPrecision(List<(bool Right, double Confidence)> answers)
    {
        var confident = answers.Where(a => a.Confidence >= Confident).ToList();
        return confident.Count == 0 ? 1 : confident.Count(a => a.Right) / (double)confident.Count;
    }

    /// <summary>Answers per confidence bin (an Unknown verdict has confidence 0, so it sits in the first bin).</summary>
    private static void Reliability(StringBuilder text, string title, List<(bool Right, double Confidence)> answers)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"reliability ({title})   count  accuracy");
        for (var b = 0; b < Bins.Length - 1; b++)
        {
            var (low, high) = (Bins[b], Bins[b + 1]);
            var inBin = answers.Where(a => a.Confidence >= low && a.Confidence < high).ToList();
            var accuracy = inBin.Count == 0 ? "-" : (inBin.Count(a => a.Right) / (double)inBin.Count).ToString("0.000", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{low:0.0}, {Math.Min(high, 1.0):0.0}{(high > 1 ? "]" : ")")}  {inBin.Count,10}  {accuracy,8}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  ≥ {Confident}: {ConfidentPrecision(answers):0.000} right");
    }
}
