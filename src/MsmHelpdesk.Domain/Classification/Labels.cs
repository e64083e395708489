namespace MsmHelpdesk.Domain.Classification;

/// <summary>
/// What the user was doing when it failed: the e-Faktur desktop scenarios of DOMAIN.md and the Coretax ones of
/// DOMAIN-2026.md. Other and Unknown stay last.
/// </summary>
public enum Scenario
{
    Registration, Upload, Invoice, ProfileSync,
    CoretaxActivation, CoretaxInvoice, CoretaxAccess, CoretaxReturn,
    Other, Unknown,
}

/// <summary>Why it failed: the three accounts of DOMAIN.md merged into one set, plus the Coretax causes of DOMAIN-2026.md.</summary>
public enum Cause
{
    CorruptCertificate, ExpiredCertificate, WrongPassphrase, Network, DjpOutage,
    MissingRole, AccountDataMismatch, DataValidation, RuleChange, CredentialNotActivated,
    Other, Unknown,
}

/// <summary>Which of DJP's applications the ticket is about.</summary>
public enum TaxSystem { EfakturDesktop, Coretax, Unknown }

/// <summary>The spellings used in JSON, the CLI, evidence points and the database.</summary>
public static class Wire
{
    private static readonly string[] ScenarioNames =
    [
        "registration", "upload", "invoice", "profile-sync",
        "coretax-activation", "coretax-invoice", "coretax-access", "coretax-return",
        "other", "unknown",
    ];

    private static readonly string[] CauseNames =
    [
        "corrupt-certificate", "expired-certificate", "wrong-passphrase", "network", "djp-outage",
        "missing-role", "account-data-mismatch", "data-validation", "rule-change", "credential-not-activated",
        "other", "unknown",
    ];

    private static readonly string[] SystemNames = ["efaktur-desktop", "coretax", "unknown"];

    public static string Of(Scenario s) => ScenarioNames[(int)s];

    public static string Of(Cause c) => CauseNames[(int)c];

    public static string Of(TaxSystem s) => SystemNames[(int)s];

    /// <summary>A wire spelling of the system, any case; null for anything else.</summary>
    public static TaxSystem? ParseSystem(string value)
    {
        var index = IndexOf(SystemNames, value);
        return index >= 0 ? (TaxSystem)index : null;
    }

    /// <summary>A wire spelling (or the enum name), any case; null for anything else.</summary>
    public static Scenario? ParseScenario(string value)
    {
        var index = IndexOf(ScenarioNames, value);
        if (index >= 0)
        {
            return (Scenario)index;
        }

        return Enum.TryParse<Scenario>(value?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(value, out _) ? parsed : null;
    }

    /// <summary>A wire spelling (or the enum name), any case; null for anything else.</summary>
    public static Cause? ParseCause(string value)
    {
        var index = IndexOf(CauseNames, value);
        if (index >= 0)
        {
            return (Cause)index;
        }

        return Enum.TryParse<Cause>(value?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(value, out _) ? parsed : null;
    }

    /// <summary>The points key of a scenario, e.g. "scenario:upload".</summary>
    public static string PointsOf(Scenario s) => "scenario:" + Of(s);

    /// <summary>The points key of a cause, e.g. "cause:expired-certificate".</summary>
    public static string PointsOf(Cause c) => "cause:" + Of(c);

    private static int IndexOf(string[] names, string? value)
    {
        if (value is null)
        {
            return -1;
        }

        var trimmed = value.AsSpan().Trim();
        for (var i = 0; i < names.Length; i++)
        {
            if (trimmed.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
