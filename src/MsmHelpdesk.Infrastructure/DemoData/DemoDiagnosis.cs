using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>
/// The classifier's suggestion on a demo ticket (usually right, sometimes unsure or wrong) and, for most worked
/// tickets, the consultant's confirmation of the true scenario and cause.
/// </summary>
internal sealed record DemoDiagnosis(
    string SuggestedScenario,
    double SuggestedScenarioConfidence,
    string SuggestedCause,
    double SuggestedCauseConfidence,
    string ConfirmedScenario,
    string ConfirmedCause,
    DateTimeOffset? ConfirmedAt,
    string? ConfirmedById)
{
    public const string Version = "demo";

    private static readonly string[] Scenarios = ["registration", "upload", "invoice", "profile-sync", "other"];
    private static readonly string[] Causes = ["corrupt-certificate", "expired-certificate", "wrong-passphrase", "network", "djp-outage", "other"];

    /// <summary>
    /// The true diagnosis from the demo cause and the activity; the suggestion is right about 3 times in 4 for the
    /// cause (less for the scenario), otherwise unknown or another label. Resolved tickets are nearly always
    /// confirmed, worked open ones often, new ones never; confirmation comes before resolution.
    /// </summary>
    public static DemoDiagnosis Draw(DemoRandom random, DemoCause cause, string? activity, TicketStatus status, DateTimeOffset createdAt, DateTimeOffset lastWork, Actor by)
    {
        var trueCause = cause switch
        {
            DemoCause.Expired => "expired-certificate",
            DemoCause.Corrupt => "corrupt-certificate",
            DemoCause.Passphrase => "wrong-passphrase",
            DemoCause.Network => "network",
            DemoCause.Outage => "djp-outage",
            DemoCause.Unknown => "unknown",
            _ => "other",
        };
        var a = activity ?? "";
        var trueScenario = a.Contains("pload", StringComparison.Ordinal) ? "upload"
            : a.Contains("egistrasi", StringComparison.Ordinal) || a.Contains("ktivasi", StringComparison.Ordinal) ? "registration"
            : a.Contains("faktur", StringComparison.OrdinalIgnoreCase) ? "invoice"
            : a.Contains("inkronisasi", StringComparison.Ordinal) ? "profile-sync"
            : activity is null ? "unknown" : "other";
        var causeRoll = random.NextDouble();
        var suggestedCause = causeRoll < 0.75 ? trueCause : causeRoll < 0.9 ? "unknown" : random.Pick(Causes);
        var scenarioRoll = random.NextDouble();
        var suggestedScenario = scenarioRoll < 0.65 ? trueScenario : scenarioRoll < 0.85 ? "unknown" : random.Pick(Scenarios);
        var confirm = status switch
        {
            TicketStatus.Resolved or TicketStatus.Closed => random.Chance(0.9),
            TicketStatus.New => false,
            _ => random.Chance(0.5),
        };
        DateTimeOffset? confirmedAt = null;
        if (confirm)
        {
            // Most diagnoses within hours; some wait for the client's certificate or a KPP answer.
            var window = Math.Max(1, (long)(lastWork - createdAt).TotalMinutes);
            var minutes = Math.Min(window, random.Chance(0.8) ? random.Next(5, 240) : random.Next(240, 60 * 48));
            confirmedAt = createdAt + TimeSpan.FromMinutes(minutes);
        }

        return new DemoDiagnosis(
            suggestedScenario, suggestedScenario == "unknown" ? 0 : Math.Round(0.5 + (random.NextDouble() * 0.5), 2),
            suggestedCause, suggestedCause == "unknown" ? 0 : Math.Round(0.5 + (random.NextDouble() * 0.5), 2),
            trueScenario == "unknown" ? "other" : trueScenario,
            trueCause == "unknown" ? "other" : trueCause,
            confirmedAt,
            confirm ? by.Id : null);
    }
}
