using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Nightly: folds the report totals' change rows and refreshes query statistics. Only sends the command, as the operator.</summary>
public sealed class ReportUpkeepJob(IServiceScopeFactory scopes, ILogger<ReportUpkeepJob> logger)
{
    public const string Id = "report-upkeep";

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new CompactReportTalliesCommand(), outcome => outcome.Describe(), cancellationToken);

    /// <summary>Every day at 02:00 in Jakarta, when nobody is saving tickets.</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ReportUpkeepJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(2),
            new RecurringJobOptions { TimeZone = OperatorCommand.JakartaTime() });
}
