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
/// in the hour before (a DJP outage shows as many clients at once).
/// </summary>
public sealed class Diagnostician(IKnowledgeStore knowledge)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private (Catalogue Catalogue, LearnedWeights? Learned, Classifier Classifier)? _current;

    public async Task<DiagnosisView> DiagnoseAsync(IAppDbContext db, DiagnosisFacts facts, CancellationToken cancellationToken)
    {
        var certificate = facts.ClientId is { } clientId
            ? await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
                .Select(c => new { c.CertificateIssuedOn, c.CertificateExpiresOnEntered, c.LastCertificateCheck }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var reportedAt = facts.ReportedAt;
        var code = ErrorCodes.Extract(facts.ErrorText);
        var recent = 0;
        if (code is not null && reportedAt is { } at && facts.ClientId is { } client)
        {
            var since = at.AddHours(-1);
            recent = await db.Tickets.AsNoTracking()
                .Where(t => t.ErrorCode == code && t.ClientId != client && t.ReportedAt >= since && t.ReportedAt <= at)
                .Select(t => t.ClientId).Distinct().CountAsync(cancellationToken);
        }

        var expires = Client.ExpiryOf(certificate?.CertificateIssuedOn, certificate?.CertificateExpiresOnEntered);
        var input = new ClassificationInput(facts.ErrorText, facts.Description, facts.Activity, certificate?.CertificateIssuedOn, expires, reportedAt, recent,
            certificate?.LastCertificateCheck?.Outcome, certificate?.LastCertificateCheck?.CheckedAt);
        var (catalogue, classifier) = await ClassifierAsync(cancellationToken);
        return DiagnosisView.From(classifier.Classify(input), catalogue);
    }

    /// <summary>The suggestion as the ticket stores it: wire names, confidences, version and the evidence as JSON.</summary>
    public static TicketDiagnosis ToSuggestion(DiagnosisView view, DateTimeOffset now) =>
        new(view.Scenario, view.ScenarioConfidence, view.Cause, view.CauseConfidence, view.Version, JsonSerializer.Serialize(view.Evidence, Json), now);

    public static IReadOnlyList<EvidenceView> EvidenceOf(TicketDiagnosis diagnosis) =>
        diagnosis.EvidenceJson is null ? [] : JsonSerializer.Deserialize<List<EvidenceView>>(diagnosis.EvidenceJson, Json) ?? [];

    public async Task<Catalogue> CatalogueAsync(CancellationToken cancellationToken) => (await ClassifierAsync(cancellationToken)).Catalogue;

    private async Task<(Catalogue Catalogue, Classifier Classifier)> ClassifierAsync(CancellationToken cancellationToken)
    {
        var snapshot = await knowledge.CurrentAsync(cancellationToken);
        var current = _current;
        if (current is not { } cached || cached.Catalogue.Version != snapshot.Catalogue.Version || cached.Learned?.Version != snapshot.Learned?.Version)
        {
            // Building the classifier precomputes its tables (~0.2 ms); done once per catalogue or model version.
            cached = (snapshot.Catalogue, snapshot.Learned, new Classifier(snapshot.Catalogue, snapshot.Learned));
            _current = cached;
        }

        return (cached.Catalogue, cached.Classifier);
    }
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
            Playbooks.For(catalogue, codes.FirstOrDefault(), Wire.Of(verdict.Cause)));
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
