namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// What the classifier reads from a ticket. Dates come from the client record; <paramref name="ReportedAt"/>
/// is compared in WIB. <paramref name="RecentSameCodeReports"/> counts other clients' tickets with the same
/// code in the last hour (three or more point to a DJP outage).
/// </summary>
public sealed record ClassificationInput(
    string? ErrorText,
    string? Description,
    string? Activity,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOn,
    DateTimeOffset? ReportedAt,
    int RecentSameCodeReports = 0,
    Clients.CertificateCheckOutcome? CertificateCheck = null /* the client's last .p12 check, when it was done within 30 days of the ticket */,
    DateTimeOffset? CertificateCheckedAt = null);

public enum EvidenceField { ErrorText, Description, Activity, Certificate, Reports }

/// <summary>
/// Where a piece of evidence came from: a catalogue phrase or rule, a recorded fact, weights learned from
/// confirmations, or the text model trained on the labelled corpus.
/// </summary>
public enum EvidenceSource { Rule, Structured, Learned, Model }

/// <summary>
/// One reason behind a verdict. <see cref="Points"/> is "scenario:upload", "cause:expired-certificate" or
/// "code:ETAX-40002" ("code:ambiguous" for a bare number). <see cref="Start"/> and <see cref="Length"/> index
/// the ORIGINAL text of <see cref="Field"/> (so the UI can highlight it); facts have -1 and 0.
/// </summary>
public sealed record Evidence(string Points, string Text, EvidenceField Field, int Start, int Length, double Weight, EvidenceSource Source);

/// <summary>
/// The verdict. Confidences are 0–1 and roughly calibrated: a recorded fact ~0.9+, one weak phrase ~0.5;
/// an Unknown verdict has confidence 0. Error codes keep their prefix, in the order they appear.
/// </summary>
public sealed record Classification(
    IReadOnlyList<string> ErrorCodes,
    bool AmbiguousCode,
    Scenario Scenario,
    double ScenarioConfidence,
    Cause Cause,
    double CauseConfidence,
    IReadOnlyList<Evidence> Evidence,
    string Version)
{
    /// <summary>Which application the ticket is about (decision 0102); Unknown with confidence 0 when the text does not say.</summary>
    public TaxSystem System { get; init; } = TaxSystem.Unknown;

    public double SystemConfidence { get; init; }

    /// <summary>Why that system ("system:coretax" ← the words or the scenario); kept apart from <see cref="Evidence"/>, whose contract is fixed.</summary>
    public IReadOnlyList<Evidence> SystemEvidence { get; init; } = [];
}

/// <summary>
/// Weights learned from resolved tickets: normalised term (see <see cref="Classifier.Terms"/>) → points → weight.
/// They add to phrase evidence, capped, and never override a recorded fact.
/// </summary>
public sealed record LearnedWeights(int Version, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> TermWeights);
