namespace MsmHelpdesk.Domain.Classification;

/// <summary>The error codes and recognition phrases the classifier knows; versioned so a verdict says which it used.</summary>
public sealed record Catalogue(int Version, IReadOnlyList<ErrorCodeEntry> Codes, IReadOnlyList<RecognitionPhrase> Phrases)
{
    /// <summary>
    /// The catalogue as it stood on <paramref name="day"/> (a ticket's report date, WIB): entries not yet valid or
    /// already closed by a rule change are left out. The version stays, so a verdict still names its catalogue.
    /// </summary>
    public Catalogue ValidOn(DateOnly day) =>
        Codes.All(code => code.IsValidOn(day)) ? this : this with { Codes = Codes.Where(code => code.IsValidOn(day)).ToArray() };
}

/// <summary>
/// One error code with its prefix ("ETAX-40002", "ETAXSERVICE-40002") or a Coretax message key
/// ("CORETAX-SIGNING-IN-PROGRESS"). <see cref="MatchPatterns"/> are texts that name it ("ETAX-40002",
/// "Error di Service"), matched case-insensitively word by word, repeated letters ignored.
/// </summary>
public sealed record ErrorCodeEntry(
    string Code,
    string Title,
    string Meaning,
    IReadOnlyList<Cause> TypicalCauses,
    IReadOnlyList<Playbook> Playbooks,
    IReadOnlyList<string> MatchPatterns)
{
    /// <summary>What the code alone says about scenario or cause, e.g. ETAX-20018 ⇒ "scenario:invoice".</summary>
    public IReadOnlyList<CodeImplication> Implies { get; init; } = [];

    /// <summary>A family name shared by codes treated as one (ETAX-40001 and ETAX-40002), or null.</summary>
    public string? Family { get; init; }

    /// <summary>A prefix such as ETAX-50000 (SPT): it stands for every ETAX-5xxxx code without its own entry.</summary>
    public bool IsPrefix { get; init; }

    /// <summary>Which application shows it; null when not recorded (read as unknown).</summary>
    public TaxSystem? System { get; init; }

    /// <summary>First day (WIB) the code or message can appear; null = always.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day (WIB) it applies; a rule change closes an entry here instead of deleting it. Null = still valid.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>The regulation or announcement behind the entry, when there is one.</summary>
    public CatalogueSource? Source { get; init; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is not { } from || from <= day) && (ValidUntil is not { } until || day <= until);
}

/// <summary>A regulation or announcement: its number ("PENG-13/PJ.09/2025"), date and a public link (http or https).</summary>
public sealed record CatalogueSource(string Number, DateOnly? Date, string? Link);

public sealed record CodeImplication(string Points, double Weight);

/// <summary>The steps for one cause, in Bahasa Indonesia.</summary>
public sealed record Playbook(Cause Cause, IReadOnlyList<string> Steps)
{
    /// <summary>Steps (by their text) that a fact finishes instead of a tick, e.g. the visit step by the visit's outcome.</summary>
    public IReadOnlyList<PlaybookStepFact> Facts { get; init; } = [];

    /// <summary>The fact that finishes a step of this playbook: the one named for it, or the one its words read as.</summary>
    public Tickets.StepFact? FactFor(string step) =>
        Facts.FirstOrDefault(f => string.Equals(f.Step.Trim(), step.Trim(), StringComparison.Ordinal))?.Fact ?? Tickets.StepFacts.Recognise(step);
}

/// <summary>A playbook step that a fact finishes.</summary>
public sealed record PlaybookStepFact(string Step, Tickets.StepFact Fact);

/// <summary>
/// A word or phrase that points to a scenario or cause ("scenario:upload", "cause:network"). It is normalised
/// like ticket text (affixes, informal spellings, synonyms), so "sertifikat kedaluwarsa" also matches
/// "sertelnya udah expired". A negative weight counts against (e.g. "masih berlaku").
/// </summary>
public sealed record RecognitionPhrase(string Phrase, string Points, double Weight, string Language);
