namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// How the scorer weighs its parts. <see cref="RuleWeight"/> scales the rule and fact scores, <see cref="ModelWeight"/>
/// the text model's logits; Unknown competes with a rule score of <see cref="UnknownRuleScore"/>;
/// <see cref="Temperature"/> spreads or sharpens the probabilities so that a confidence of 0.8 is right about
/// 8 times in 10. Chosen by cross-validation on the train split (never the frozen test split); see decision 0101.
/// </summary>
/// <see cref="RuleFloor"/>: a rule score this high is evidence, so the verdict is not Unknown even when the model
/// would abstain (an edited catalogue's new phrase takes effect at once).
/// <see cref="Calibration"/>: the confidence is the verdict's share after the probabilities are flattened by this power
/// (p^(1/c), renormalised): it moves the confidence, never the label (decision 0115).
internal sealed record ScorerSettings(double RuleWeight, double ModelWeight, double UnknownRuleScore, double Temperature, double RuleFloor = 0.45,
    double Calibration = 1.0);

/// <summary>
/// Combines rules, facts and the text model into one verdict per dimension and calibrates its confidence:
/// z(class) = rule weight × rule score + model weight × model logit, softmax(z / temperature). A recorded fact
/// still decides (confidence at least 0.9, whatever the words); an Unknown verdict has confidence 0.
/// </summary>
internal static class Scorer
{
    /// <summary>
    /// Scenario first, cause second, system third (the classifier's dimensions). Chosen by 5-fold cross-validation on the train split
    /// (decision 0101): rule weight and Unknown score (kept ≥ 0, so a text without evidence stays Unknown) by
    /// out-of-fold accuracy + macro-F1; the temperature by out-of-fold
    /// log-loss, the lowest among those that keep answers at confidence ≥ 0.7 at least 97 % right.
    /// </summary>
    public static readonly ScorerSettings[] Defaults =
    [
        // Temperature 0.40 until decision 0106 (confidently wrong 2.7 % → 0.8 %). Unknown score 1.0 until decision 0113 (fewer
        // abstentions on named activities), 0.5 until decision 0115; the Coretax reading's is Classifier.CoretaxScenarioUnknown.
        // Calibration 1.1 since decision 0115: confident answers were right 0.966 of the time on Coretax tickets by CV, 0.950 on frozen v2.
        new(RuleWeight: 0.25, ModelWeight: 0.5, UnknownRuleScore: 0.0, Temperature: 0.80, Calibration: 1.1),
        new(RuleWeight: 0.1, ModelWeight: 0.5, UnknownRuleScore: 0.0, Temperature: 0.70), // 0.60 until decision 0106
        new(RuleWeight: 0.0, ModelWeight: 0.5, UnknownRuleScore: 0.0, Temperature: 0.50), // system: the text model alone (decision 0102)
    ];

    /// <summary>
    /// <paramref name="rules"/> holds the named classes' scores; <paramref name="logits"/> the model's logits with
    /// Unknown last; <paramref name="decided"/> a label a fact decides, <paramref name="ruledOut"/> one a fact excludes.
    /// <paramref name="prior"/>, when given, adds a log-probability per named class (the system's, for the scenario: decision 0102).
    /// Returns the label (-1 for Unknown) and its confidence.
    /// </summary>
    public static (int Label, double Confidence) Decide(ScorerSettings settings, ReadOnlySpan<double> rules, ReadOnlySpan<double> logits, int? decided,
        int? ruledOut = null, ReadOnlySpan<double> prior = default)
    {
        Span<double> z = stackalloc double[logits.Length];
        var unknown = logits.Length - 1;
        for (var k = 0; k < unknown; k++)
        {
            z[k] = (settings.RuleWeight * rules[k] + settings.ModelWeight * logits[k]) / settings.Temperature + (prior.IsEmpty ? 0 : prior[k]);
        }

        z[unknown] = (settings.RuleWeight * settings.UnknownRuleScore + settings.ModelWeight * logits[unknown]) / settings.Temperature;
        if (ruledOut is { } excluded)
        {
            z[excluded] = double.NegativeInfinity; // a fact says it cannot be (a certificate still valid by its dates)
        }

        TextModel.Softmax(z);
        if (decided is { } fact)
        {
            return (fact, Math.Round(Math.Max(0.9, Calibrated(settings, z, fact)), 3));
        }

        var top = 0;
        for (var k = 1; k < z.Length; k++)
        {
            if (z[k] > z[top])
            {
                top = k;
            }
        }

        if (top == unknown)
        {
            var rule = -1;
            for (var k = 0; k < unknown; k++)
            {
                if (rules[k] >= settings.RuleFloor && (rule < 0 || rules[k] > rules[rule]) && !double.IsNegativeInfinity(z[k]))
                {
                    rule = k;
                }
            }

            return rule < 0 ? (-1, 0) : (rule, Math.Round(Calibrated(settings, z, rule), 3));
        }

        return (top, Math.Round(Calibrated(settings, z, top), 3));
    }

    /// <summary>p[label]^(1/c) / Σ p[k]^(1/c): monotone in p[label], so the order of the classes (the label) stays.</summary>
    private static double Calibrated(ScorerSettings settings, ReadOnlySpan<double> p, int label)
    {
        if (settings.Calibration == 1.0)
        {
            return p[label];
        }

        var power = 1 / settings.Calibration;
        var sum = 0.0;
        foreach (var value in p)
        {
            sum += Math.Pow(value, power);
        }

        return Math.Pow(p[label], power) / sum;
    }
}
