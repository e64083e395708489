using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Application.Features.Reports.Sections;

/// <summary>
/// Clients whose legacy e-Faktur certificate (<see cref="Client.ExpiryOf"/>: entered expiry, else issue + 2
/// years) or Coretax certificate expires within 30, 31–60 or 61–90 days from today (WIB), and those already
/// expired. Client and KPP filters apply; dates do not (expiry is about today).
/// </summary>
public sealed class CertificatesSection : IReportSection
{
    public string Name => "certificates";

    public async Task<ReportTable> BuildAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var clients = scope.Db.Clients.AsNoTracking();
        if (scope.Filter.ClientId is { } clientId)
        {
            clients = clients.Where(c => c.Id == clientId);
        }

        if (!string.IsNullOrWhiteSpace(scope.Filter.Kpp))
        {
            var kpp = scope.Filter.Kpp.Trim();
            clients = clients.Where(c => c.Kpp == kpp);
        }

        var today = scope.Today;
        var windows = new (string Key, DateOnly? From, DateOnly To)[]
        {
            ("expired", null, today.AddDays(-1)),
            ("0-30", today, today.AddDays(30)),
            ("31-60", today.AddDays(31), today.AddDays(60)),
            ("61-90", today.AddDays(61), today.AddDays(90)),
        };
        var rows = new List<object?[]>();
        foreach (var (key, from, to) in windows)
        {
            var legacy = await clients.CountAsync(LegacyExpiresWithin(from, to), cancellationToken);
            var coretax = await clients.CountAsync(c => c.CoretaxExpiresOn != null && c.CoretaxExpiresOn <= to && (from == null || c.CoretaxExpiresOn >= from), cancellationToken);
            rows.Add([key, legacy, coretax]);
        }

        return new ReportTable(Name, [new("ExpiryWindow"), new("Legacy", true), new("Coretax", true)], rows);
    }

    /// <summary>
    /// Client.ExpiryOf in SQL: the entered expiry in [from, to], or, without one, issue + 2 years in it. The issue
    /// date's bounds are the earliest issue days whose expiry reaches each end, so 29 February counts exactly.
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Client, bool>> LegacyExpiresWithin(DateOnly? from, DateOnly to)
    {
        var issuedBefore = EarliestIssueReaching(to.AddDays(1));
        if (from is null)
        {
            return c => (c.CertificateExpiresOnEntered != null && c.CertificateExpiresOnEntered <= to)
                || (c.CertificateExpiresOnEntered == null && c.CertificateIssuedOn != null && c.CertificateIssuedOn < issuedBefore);
        }

        var issuedFrom = EarliestIssueReaching(from.Value);
        var start = from.Value;
        return c => (c.CertificateExpiresOnEntered != null && c.CertificateExpiresOnEntered >= start && c.CertificateExpiresOnEntered <= to)
            || (c.CertificateExpiresOnEntered == null && c.CertificateIssuedOn >= issuedFrom && c.CertificateIssuedOn < issuedBefore);
    }

    /// <summary>The first issue day whose derived expiry is on or after <paramref name="day"/>.</summary>
    public static DateOnly EarliestIssueReaching(DateOnly day)
    {
        var issue = day.AddYears(-Client.CertificateValidityYears);
        return Client.ExpiryOf(issue, null) < day ? issue.AddDays(1) : issue;
    }
}
