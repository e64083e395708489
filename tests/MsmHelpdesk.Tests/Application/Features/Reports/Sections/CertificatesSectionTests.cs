using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ClosedXML.Excel;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Reports.Sections;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Reports;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

using static MsmHelpdesk.Tests.Application.Features.Reports.ReportFixture;
using MsmHelpdesk.Tests.Application.Features.Reports;

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
