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

public sealed class PercentilesTests
{
    [Fact]
    public void ShouldTakeTheNearestRankPercentile()
    {
        // ⌈p·n/100⌉: n=1 → 1; n=10 → median 5, p90 9; n=11 → median 6, p90 10; n=0 → none.
        Assert.Equal([1, 1, 5, 9, 6, 10, 0], new[] { Percentiles.Rank(1, 50), Percentiles.Rank(1, 90), Percentiles.Rank(10, 50), Percentiles.Rank(10, 90), Percentiles.Rank(11, 50), Percentiles.Rank(11, 90), Percentiles.Rank(0, 50) });
    }
}
