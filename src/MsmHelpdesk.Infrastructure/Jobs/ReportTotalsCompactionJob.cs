using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Nightly: folds the report totals' change rows. Only sends the command, as the operator.</summary>
public sealed class ReportTotalsCompactionJob(IServiceScopeFactory scopes, ILogger<ReportTotalsCompactionJob> logger)
{
    public const string Id = "report-totals-compaction";

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new CompactReportTalliesCommand(), outcome => outcome.Describe(), cancellationToken);

    /// <summary>Every day at 02:00 in Jakarta, when nobody is saving tickets.</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ReportTotalsCompactionJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(2),
            new RecurringJobOptions { TimeZone = OperatorCommand.JakartaTime() });
}
