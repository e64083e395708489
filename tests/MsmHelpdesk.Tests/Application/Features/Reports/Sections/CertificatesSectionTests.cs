using MsmHelpdesk.Application.Features.Reports.Sections;

namespace MsmHelpdesk.Tests.Application.Features.Reports.Sections;

public sealed class CertificatesSectionTests
{
    [Fact]
    public void ShouldFindTheIssueDayOfADerivedExpiryExactly()
    {
        // Expiry = issue + 2 years; 2024-02-29 + 2y = 2026-02-28, so the first issue day expiring on or after
        // 2026-02-28 is 2024-02-28 and on or after 2028-02-29 (leap) is 2026-03-01 (02-28 + 2y = 2028-02-28).
        Assert.Equal(new DateOnly(2024, 2, 28), CertificatesSection.EarliestIssueReaching(new DateOnly(2026, 2, 28)));
        Assert.Equal(new DateOnly(2026, 3, 1), CertificatesSection.EarliestIssueReaching(new DateOnly(2028, 2, 29)));
        Assert.Equal(new DateOnly(2024, 12, 15), CertificatesSection.EarliestIssueReaching(new DateOnly(2026, 12, 15)));
    }
}
