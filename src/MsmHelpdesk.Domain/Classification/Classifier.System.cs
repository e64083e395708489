namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// Which of DJP's applications the ticket is about: e-Faktur desktop, Coretax, or Unknown when the text does not
/// say (decision 0102). A Coretax scenario can only happen in Coretax; otherwise the system's text model decides,
/// reading the words and the rule period of the report date.
/// </summary>
public sealed partial class Classifier
{
    /// <summary>How much the system's probabilities steer the scenario (a log-probability times this); decision 0102. 1.0 until decision 0115.</summary>
    internal double SystemPriorWeight { get; init; } = 0.75;

    /// <summary>
    /// How much P(coretax) weighs the causes only Coretax has, on top of the mixture of readings. 1 from decision 0102 to
    /// 0107; 0 since decision 0108 (the mixture of the two readings already weighs them; cross-validation's best on both corpora).
    /// </summary>
    internal double CausePriorWeight { get; init; }

    /// <summary>
    /// The scenario's Unknown score in the Coretax reading (null: the scorer's, as in the desktop one). The score Unknown
    /// competes with is the two readings' scores weighed by the system model, as the readings themselves are: a desktop
    /// ticket keeps the scorer's (decision 0103). 0.25 from decision 0108 to 0115, when the desktop reading's was higher; 0 since
    /// decision 0115, the same as the desktop reading's (cross-validation on both corpora), kept as a setting to measure.
    /// </summary>
    internal double? CoretaxScenarioUnknown { get; init; } = 0.0;

    /// <summary>How much the desktop reading counts for this ticket: P(desktop), an Unknown system counting half to each (decision 0106).</summary>
    private double DesktopShare(Work work) =>
        SystemProbability(work, TaxSystem.EfakturDesktop) + SystemProbability(work, TaxSystem.Unknown) / 2;

    /// <summary>The scenario's scorer settings for this ticket: the Unknown score weighed by the system (see <see cref="CoretaxScenarioUnknown"/>).</summary>
    private ScorerSettings ScenarioSettings(Work work)
    {
        var settings = _scorer[ScenarioDimension];
        if (CoretaxScenarioUnknown is not { } coretax)
        {
            return settings;
        }

        var desktop = DesktopShare(work);
        return settings with { UnknownRuleScore = desktop * settings.UnknownRuleScore + (1 - desktop) * coretax };
    }

    /// <summary>
    /// The scenario's prior from the system model: desktop scenarios weighed by P(desktop), Coretax scenarios by
    /// P(coretax), Other neither. So an ETAX-40002 ticket does not drift into a Coretax scenario nor the reverse.
    /// </summary>
    private double[] SystemPrior(Work work)
    {
        var prior = work.Prior;
        Array.Clear(prior);
        if (SystemPriorWeight == 0)
        {
            return prior;
        }

        var settings = _scorer[SystemDimension];
        Span<double> p = stackalloc double[SystemLabels];
        for (var k = 0; k < SystemLabels; k++)
        {
            p[k] = settings.ModelWeight * work.Logits[SystemDimension][k] / settings.Temperature;
        }

        TextModel.Softmax(p);
        var desktop = SystemPriorWeight * Math.Log(p[(int)TaxSystem.EfakturDesktop] + p[(int)TaxSystem.Unknown] / 2 + 0.02);
        var coretax = SystemPriorWeight * Math.Log(p[(int)TaxSystem.Coretax] + p[(int)TaxSystem.Unknown] / 2 + 0.02);
        for (var k = 0; k < (int)Scenario.Other; k++)
        {
            prior[k] = k >= (int)Scenario.CoretaxActivation ? coretax : desktop;
        }

        return prior;
    }

    /// <summary>The causes only Coretax has (a role, account data, a data check, a credential not activated) weighed by P(coretax).</summary>
    private double[] CausePrior(Work work)
    {
        var prior = work.CausePrior;
        Array.Clear(prior);
        if (SystemPriorWeight == 0 || CausePriorWeight == 0)
        {
            return prior;
        }

        var coretax = SystemPriorWeight * CausePriorWeight * Math.Log(SystemProbability(work, TaxSystem.Coretax) + SystemProbability(work, TaxSystem.Unknown) / 2 + 0.02);
        foreach (var cause in (ReadOnlySpan<Cause>)[Cause.MissingRole, Cause.AccountDataMismatch, Cause.DataValidation, Cause.CredentialNotActivated])
        {
            prior[(int)cause] = coretax;
        }

        return prior;
    }

    private double SystemProbability(Work work, TaxSystem system)
    {
        var settings = _scorer[SystemDimension];
        Span<double> p = stackalloc double[SystemLabels];
        for (var k = 0; k < SystemLabels; k++)
        {
            p[k] = settings.ModelWeight * work.Logits[SystemDimension][k] / settings.Temperature;
        }

        TextModel.Softmax(p);
        return p[(int)system];
    }

    private (TaxSystem System, double Confidence) DecideSystem(ClassificationInput input, Work work, int scenario, double scenarioConfidence,
        List<Evidence> evidence)
    {
        var (label, confidence) = Scorer.Decide(_scorer[SystemDimension], stackalloc double[SystemLabels - 1], work.Logits[SystemDimension], null);
        if (scenario >= (int)Scenario.CoretaxActivation && scenario <= (int)Scenario.CoretaxReturn)
        {
            var points = Wire.PointsOf((Scenario)scenario);
            evidence.Add(new Evidence("system:" + Wire.Of(TaxSystem.Coretax), points, EvidenceField.Description, -1, 0, scenarioConfidence, EvidenceSource.Rule));
            var model = label == (int)TaxSystem.Coretax ? confidence : 0;
            label = (int)TaxSystem.Coretax;
            confidence = Math.Round(Math.Max(scenarioConfidence, model), 3);
        }

        if (label < 0)
        {
            return (TaxSystem.Unknown, 0);
        }

        AddModelEvidence(input, work, SystemDimension, label, "system:" + Wire.Of((TaxSystem)label), evidence);
        if (DateEpoch(input.ReportedAt) is { } epoch)
        {
            evidence.Add(new Evidence("system:" + Wire.Of((TaxSystem)label), "dilaporkan " + input.ReportedAt!.Value.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                + " (" + epoch[2..] + ")", EvidenceField.Reports, -1, 0, 0, EvidenceSource.Structured));
        }

        return ((TaxSystem)label, confidence);
    }
}
