using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Features.Reports;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>Weekly: the resolution digest to every Manager. Only sends the command, as the operator; the notice key per ISO week makes a rerun harmless.</summary>
public sealed class WeeklyDigestJob(IServiceScopeFactory scopes, ILogger<WeeklyDigestJob> logger)
{
    public const string Id = "weekly-digest";

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        OperatorCommand.SendAsync(scopes, logger, Id, new SendWeeklyDigestCommand(), outcome => outcome.Describe(), cancellationToken);

    /// <summary>Every Monday at 07:00 in Jakarta, after the ISO week it reports on has ended.</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<WeeklyDigestJob>(Id, job => job.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Monday, 7),
            new RecurringJobOptions { TimeZone = OperatorCommand.JakartaTime() });
}
