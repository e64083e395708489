using System.Security.Cryptography;
using MsmHelpdesk.Domain.Classification;
using Xunit.Abstractions;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// Frozen set v2 (decision 0105): every ticket of writers K–N (ids wk-, wl-, wm-, wn-), written from the domain notes
/// and the taxonomy only, after the classifier of decision 0106 was chosen by cross-validation; never trained or tuned
/// on. Aggregate figures only, never a ticket. The issues' bars are printed; the floors are the figures measured once
/// (decision 0105's rule), so a change that makes them worse fails. Raise a floor to its bar when the bar is met.
/// </summary>
public sealed class FrozenSetV2Tests(ITestOutputHelper output)
{
    public const string EtaxSha256 = "39d034c649f822221cea58f2fc40264c16e25c047e5556a6c41691f3646545a0";
    public const string CoretaxSha256 = "cd0f7f562ea63d69e6b80c8dcf3f44198895ab28de88f47c150ffbe6c13fe405";

    [Theory]
    [InlineData("frozen2/etax.jsonl", EtaxSha256)]
    [InlineData("frozen2/coretax.jsonl", CoretaxSha256)]
    public void ShouldKeepTheSecondFrozenSetByteForByte(string file, string sha256)
    {
        var bytes = File.ReadAllBytes(CorpusTests.CorpusFile(file));

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void ShouldHoldOnlyWritersKToNInTheSecondFrozenSet()
    {
        var tickets = LabelledTicket.Load("frozen2/etax.jsonl").Concat(LabelledTicket.Load("frozen2/coretax.jsonl")).ToList();

        Assert.True(tickets.Count >= 400, $"{tickets.Count} tickets");
        Assert.All(tickets, ticket => Assert.Matches("^w[klmn]-[0-9]{3}$", ticket.Id));
        Assert.Equal(tickets.Count, tickets.Select(ticket => ticket.Id).Distinct().Count());
    }

    [Fact]
    public void ShouldNotFallBelowTheFiguresOfTheSecondFrozenEtaxSet()
    {
        var test = CorpusMeasurement.Of(new Classifier(DefaultCatalogue.Create()), LabelledTicket.Load("frozen2/etax.jsonl"), "frozen v2, ETAX-era", listMisses: false);
        output.WriteLine(test.Text);
        output.WriteLine($"issue 13 bars: scenario 0.95 (now {test.Scenario.Accuracy:0.000}), cause 0.90 (now {test.Cause.Accuracy:0.000}), " +
            $"cause macro-F1 0.88 (now {test.Cause.TrueClassMacroF1:0.000} over the causes the set holds)");

        AssertEtax(test, EtaxFloor);
    }

    [Fact]
    public void ShouldNotFallBelowTheFiguresOfTheSecondFrozenCoretaxSet()
    {
        var test = CorpusMeasurement.Of(new Classifier(DefaultCatalogue.Create()), LabelledTicket.Load("frozen2/coretax.jsonl"), "frozen v2, Coretax-era", listMisses: false);
        output.WriteLine(test.Text);
        output.WriteLine($"issue 14 bars: scenario 0.90 (now {test.Scenario.Accuracy:0.000}), cause 0.85 (now {test.Cause.Accuracy:0.000})");

        AssertCoretax(test, CoretaxFloor);
    }

    /// <summary>The ETAX-era figures against their floors (issue 13's bars in the messages) and the calibration bars.</summary>
    internal static void AssertEtax(CorpusMeasurement test, (double Scenario, double Cause, double MacroF1) floor)
    {
        Assert.True(test.Scenario.Accuracy >= floor.Scenario, $"scenario accuracy {test.Scenario.Accuracy:0.000} < {floor.Scenario} (issue bar 0.95)");
        Assert.True(test.Cause.Accuracy >= floor.Cause, $"cause accuracy {test.Cause.Accuracy:0.000} < {floor.Cause} (issue bar 0.90)");
        Assert.True(test.Cause.TrueClassMacroF1 >= floor.MacroF1, $"cause macro-F1 {test.Cause.TrueClassMacroF1:0.000} < {floor.MacroF1} (issue bar 0.88)");
        AssertCalibrated(test);
    }

    /// <summary>The Coretax-era figures against their floors (issue 14's bars in the messages), system and calibration.</summary>
    internal static void AssertCoretax(
        CorpusMeasurement test, (double Scenario, double Cause, double System, double ScenarioConfidentlyWrong, double ScenarioConfidentPrecision) floor)
    {
        Assert.True(test.Scenario.Accuracy >= floor.Scenario, $"scenario accuracy {test.Scenario.Accuracy:0.000} < {floor.Scenario} (issue bar 0.90)");
        Assert.True(test.Cause.Accuracy >= floor.Cause, $"cause accuracy {test.Cause.Accuracy:0.000} < {floor.Cause} (issue bar 0.85)");
        Assert.True(test.SystemAccuracy >= floor.System, $"system accuracy {test.SystemAccuracy:0.000} < {floor.System}");
        Assert.True(test.SystemConfidentlyWrong <= 0.03, $"system confidently wrong {test.SystemConfidentlyWrong:P1} > 3 %");
        // The 0.95 is not met for confident Coretax scenario answers yet: the floor is the figure measured, the bar stays printed.
        Assert.True(test.ScenarioConfidentlyWrong <= floor.ScenarioConfidentlyWrong,
            $"scenario confidently wrong {test.ScenarioConfidentlyWrong:P1} > {floor.ScenarioConfidentlyWrong:P1} (issue bar 3 %)");
        Assert.True(test.ScenarioConfidentPrecision >= floor.ScenarioConfidentPrecision,
            $"scenario answers with confidence ≥ 0.7: {test.ScenarioConfidentPrecision:0.000} right < {floor.ScenarioConfidentPrecision} (issue bar 0.95)");
        Assert.True(test.CauseConfidentlyWrong <= 0.03, $"cause confidently wrong {test.CauseConfidentlyWrong:P1} > 3 %");
        Assert.True(test.CauseConfidentPrecision >= 0.95, $"cause answers with confidence ≥ 0.7: {test.CauseConfidentPrecision:0.000} right < 0.95");
    }

    private static void AssertCalibrated(CorpusMeasurement test)
    {
        Assert.True(test.ScenarioConfidentlyWrong <= 0.03, $"scenario confidently wrong {test.ScenarioConfidentlyWrong:P1} > 3 %");
        Assert.True(test.CauseConfidentlyWrong <= 0.03, $"cause confidently wrong {test.CauseConfidentlyWrong:P1} > 3 %");
        Assert.True(test.ScenarioConfidentPrecision >= 0.95, $"scenario answers with confidence ≥ 0.7: {test.ScenarioConfidentPrecision:0.000} right < 0.95");
        Assert.True(test.CauseConfidentPrecision >= 0.95, $"cause answers with confidence ≥ 0.7: {test.CauseConfidentPrecision:0.000} right < 0.95");
    }

    /// <summary>
    /// Main's classifier before decision 0106 scored 0.880 / 0.900 / 0.855 here; decision 0106's 0.890 / 0.887 / 0.843;
    /// decision 0107's (writers O–S in training), measured once: 0.893 / 0.903 / 0.887; decision 0108's (shipped: writers T–X,
    /// no second Coretax weight on Coretax-only causes, the Coretax reading abstains less), measured once: 0.917 / 0.917 /
    /// 0.908; decision 0109's date rule with writers Y, Z, XA, XB: 0.910 / 0.910 / 0.899 (failed its ship rule, reverted); the
    /// shipped 0109 (0108's code, writers Y, Z, XA, XB in training), measured once: 0.913 / 0.910 / 0.899; decision 0112's (0109's
    /// code, writers XC, XD, XE in training), measured once: 0.920 / 0.910 / 0.899; decisions 0113 + 0114 (the scenario's Unknown
    /// score 0.5, writers XF–XM in training), measured once: 0.920 / 0.910 / 0.900; decision 0115's (the scenario's Unknown score
    /// 0, system prior 0.75, scenario confidence calibrated; ship rule met: the sum 4.550 → 4.556), measured once: 0.923 / 0.910 /
    /// 0.900; decision 0116's (writers XN–XV in training, the classifier's answers otherwise unchanged by 0197; ship rule met:
    /// the sum 4.556 → 4.573), measured once: 0.923 / 0.923 / 0.913. The floors follow the shipped figures.
    /// </summary>
    private static readonly (double Scenario, double Cause, double MacroF1) EtaxFloor = (0.922, 0.922, 0.912);

    /// <summary>
    /// Main's classifier before decision 0106: scenario 0.650, cause 0.810, system 0.930, scenario confidently wrong 12.0 %,
    /// confident scenario answers right 0.739. Decision 0106's: 0.837, 0.873, 0.943, 2.3 %, 0.943. Decision 0107's (shipped),
    /// measured once: 0.853, 0.927, 0.940 (one ticket fewer), 1.7 %, 0.963. Decision 0108's (shipped), measured once: 0.870,
    /// 0.927, 0.957, 1.3 %, 0.969. Decision 0109's (shipped: 0108's code, writers Y, Z, XA, XB in training), measured once
    /// (its date rule, not shipped, measured the same): 0.870, 0.933, 0.950, 1.7 %, 0.963. Decision 0112's (0109's code, writers
    /// XC, XD, XE in training; its ship rule met: the five figures' sum 4.525 → 4.539), measured once: 0.867 (one ticket of 300
    /// fewer), 0.943, 0.960, 0.3 %, 0.992. Decisions 0113 + 0114 (the scenario's Unknown score 0.5, writers XF–XM in training;
    /// the ship rule met: the sum 4.539 → 4.550), measured once: 0.870, 0.950, 0.957 (one ticket fewer), 2.3 %, 0.950 (133 of 140:
    /// more answers at ≥ 0.7, seven of them wrong) — the confidence figures fell to the bars, which were the floors. Decision
    /// 0115's (scenario confidence calibrated by CV, Unknown score 0, system prior 0.75), measured once: 0.873, 0.950, 0.957, 1.7 %,
    /// 0.957 (112 of 117). Decision 0116's (writers XN–XV in training), measured once: 0.877, 0.937 (four tickets of 300 fewer,
    /// within the rule's 0.017), 0.960, 1.3 %, 0.967; the floors follow.
    /// </summary>
    private static readonly (double Scenario, double Cause, double System, double ScenarioConfidentlyWrong, double ScenarioConfidentPrecision) CoretaxFloor =
        (0.876, 0.936, 0.959, 0.02, 0.966);
}
