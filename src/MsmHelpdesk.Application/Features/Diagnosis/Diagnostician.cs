using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using Verdict = MsmHelpdesk.Domain.Classification.Classification;

namespace MsmHelpdesk.Application.Features.Diagnosis;

/// <summary>
/// Runs the classifier with the catalogue and learned weights in force, and gathers the facts it needs
/// from the database: the client's certificate dates and how many other clients reported the same code
/// in the hour before (a DJP outage shows as many clients at once). A ticket is judged against the catalogue
/// entries valid on its report date (WIB), or today's while it is being typed: a rule change closes entries.
/// </summary>
public sealed class Diagnostician(IKnowledgeStore knowledge, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private (Catalogue Catalogue, LearnedWeights? Learned, Classifier Classifier)? _current;

    /// <summary>
    /// The other clients' reports are counted up to the number that makes an outage and no further: the classifier
    /// only asks whether that many reported, so a DJP outage (hundreds of tickets an hour) costs no more than a quiet hour.
    /// </summary>
    public const int OutageCountCap = Classifier.OutageReports;

    // Classifiers of the dated views of the current catalogue, by the codes they leave out; few distinct views exist.
    private System.Collections.Concurrent.ConcurrentDictionary<string, (Catalogue Catalogue, Classifier Classifier)> _dated = new();

    public async Task<DiagnosisView> DiagnoseAsync(IAppDbContext db, DiagnosisFacts facts, CancellationToken cancellationToken)
    {
        var certificate = facts.ClientId is { } clientId
            ? await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(CertificateFacts.Of).FirstOrDefaultAsync(cancellationToken)
            : null;
        return await DiagnoseAsync(db, facts, certificate, cancellationToken);
    }

    /// <summary>The same, with the client's certificate facts already read (with the client itself, by the caller).</summary>
    public async Task<DiagnosisView> DiagnoseAsync(IAppDbContext db, DiagnosisFacts facts, CertificateFacts? certificate, CancellationToken cancellationToken)
    {
        var reportedAt = facts.ReportedAt;
        var code = ErrorCodes.Extract(facts.ErrorText);
        var recent = 0;
        if (code is not null && reportedAt is { } at && facts.ClientId is { } client)
        {
            // Reads at most OutageCountCap distinct clients from the (ErrorCode, ReportedAt) index.
            var since = at.AddHours(-1);
            recent = await db.CountOtherClientsReportingAsync(code, since, at, client, OutageCountCap, cancellationToken);
        }

        var expires = Client.ExpiryOf(certificate?.IssuedOn, certificate?.ExpiresOnEntered);
        var input = new ClassificationInput(facts.ErrorText, facts.Description, facts.Activity, certificate?.IssuedOn, expires, reportedAt, recent,
            certificate?.LastCheck?.Outcome, certificate?.LastCheck?.CheckedAt);
        var (catalogue, classifier) = await ClassifierOnAsync(DateOnly.FromDateTime(Domain.Time.Wib.ToWib(reportedAt ?? clock.GetUtcNow()).DateTime), cancellationToken);
        return DiagnosisView.From(classifier.Classify(input), catalogue);
    }

    /// <summary>The suggestion as the ticket stores it: wire names, confidences, version and the evidence as JSON.</summary>
    public static TicketDiagnosis ToSuggestion(DiagnosisView view, DateTimeOffset now) =>
        new(view.Scenario, view.ScenarioConfidence, view.Cause, view.CauseConfidence, view.Version, JsonSerializer.Serialize(view.Evidence, Json), now);

    public static IReadOnlyList<EvidenceView> EvidenceOf(TicketDiagnosis diagnosis) =>
        diagnosis.EvidenceJson is null ? [] : JsonSerializer.Deserialize<List<EvidenceView>>(diagnosis.EvidenceJson, Json) ?? [];

    public async Task<Catalogue> CatalogueAsync(CancellationToken cancellationToken) => (await ClassifierAsync(cancellationToken)).Catalogue;

    /// <summary>The catalogue entries valid on <paramref name="day"/> and a classifier built on them.</summary>
    public async Task<(Catalogue Catalogue, Classifier Classifier)> ClassifierOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (catalogue, classifier) = await ClassifierAsync(cancellationToken);
        var dated = catalogue.ValidOn(day);
        if (ReferenceEquals(dated, catalogue))
        {
            return (catalogue, classifier);
        }

        var key = $"{catalogue.Version}/{_current?.Learned?.Version}/" + string.Join('|', catalogue.Codes.Where(code => !code.IsValidOn(day)).Select(code => code.Code));
        return _dated.GetOrAdd(key, _ => (dated, new Classifier(dated, _current?.Learned)));
    }

    private async Task<(Catalogue Catalogue, Classifier Classifier)> ClassifierAsync(CancellationToken cancellationToken)
    {
        var snapshot = await knowledge.CurrentAsync(cancellationToken);
        var current = _current;
        if (current is not { } cached || cached.Catalogue.Version != snapshot.Catalogue.Version || cached.Learned?.Version != snapshot.Learned?.Version)
        {
            // Building the classifier precomputes its tables (~0.2 ms); done once per catalogue or model version.
            cached = (snapshot.Catalogue, snapshot.Learned, new Classifier(snapshot.Catalogue, snapshot.Learned));
            _current = cached;
            _dated = new();
        }

        return (cached.Catalogue, cached.Classifier);
    }
}

/// <summary>The client's certificate as the classifier weighs it.</summary>
public sealed record CertificateFacts(DateOnly? IssuedOn, DateOnly? ExpiresOnEntered, CertificateCheck? LastCheck)
{
    public static readonly System.Linq.Expressions.Expression<Func<Client, CertificateFacts>> Of =
        c => new CertificateFacts(c.CertificateIssuedOn, c.CertificateExpiresOnEntered, c.LastCertificateCheck);
}

/// <summary>What the classifier is told about a ticket (typed so far, or saved).</summary>
public sealed record DiagnosisFacts(Guid? ClientId, string? ErrorText, string? Description, string? Activity, DateTimeOffset? ReportedAt);

public sealed record EvidenceView(string Points, string Text, EvidenceField Field, int Start, int Length, EvidenceSource Source);

/// <summary>A suggestion in wire spellings, with its evidence and the catalogue's playbook for the cause.</summary>
public sealed record DiagnosisView(
    IReadOnlyList<string> ErrorCodes,
    bool AmbiguousCode,
    string Scenario,
    double ScenarioConfidence,
    string Cause,
    double CauseConfidence,
    IReadOnlyList<EvidenceView> Evidence,
    string Version,
    IReadOnlyList<string> Playbook)
{
    /// <summary>The system's wire spelling (efaktur-desktop, coretax, unknown); decision 0102.</summary>
    public string System { get; init; } = Wire.Of(TaxSystem.Unknown);

    public static DiagnosisView From(Verdict verdict, Catalogue catalogue)
    {
        var codes = verdict.ErrorCodes;
        return new DiagnosisView(
            codes,
            verdict.AmbiguousCode,
            Wire.Of(verdict.Scenario),
            verdict.ScenarioConfidence,
            Wire.Of(verdict.Cause),
            verdict.CauseConfidence,
            verdict.Evidence.Select(e => new EvidenceView(e.Points, e.Text, e.Field, e.Start, e.Length, e.Source)).ToArray(),
            verdict.Version,
            Playbooks.For(catalogue, codes.FirstOrDefault(), Wire.Of(verdict.Cause)))
        {
            System = Wire.Of(verdict.System),
        };
    }
}

public static class Playbooks
{
    /// <summary>The catalogue's steps for a cause: the reported code's own playbook first, ETAX-40002's otherwise.</summary>
    public static IReadOnlyList<string> For(Catalogue catalogue, string? code, string cause) => Find(catalogue, code, cause)?.Steps ?? [];

    /// <summary>The playbook itself (steps and the facts that finish them), chosen as <see cref="For"/> chooses.</summary>
    public static Playbook? Find(Catalogue catalogue, string? code, string cause)
    {
        var wanted = Wire.ParseCause(cause);
        return catalogue.Codes
            .Where(entry => string.Equals(entry.Code, code, StringComparison.OrdinalIgnoreCase))
            .Concat(catalogue.Codes.Where(entry => entry.Code == "ETAX-40002"))
            .SelectMany(entry => entry.Playbooks)
            .FirstOrDefault(book => book.Cause == wanted);
    }
}
