using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Backups;
using MsmHelpdesk.Application.Features.Calendar;
using MsmHelpdesk.Application.Features.Certificates;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Idempotency;
using MsmHelpdesk.Application.Features.Notifications;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;

namespace MsmHelpdesk.Infrastructure.Jobs;

/// <summary>
/// One background job: its name (the Hangfire id and the CLI's `jobs run` name), when it runs (a cron read in WIB),
/// the Hangfire class that runs it (it holds the retry policy) and the one command it sends.
/// </summary>
public sealed record ScheduledJob(string Name, string Cron, Type JobType, Func<ISender, CancellationToken, Task<Result<string>>> SendAsync);

/// <summary>
/// Every background job, in one list: the web app schedules these, registers their classes, and the CLI runs them by
/// name. A new job is a command in Application, a thin class beside this one, and a line here.
/// </summary>
public static class JobRegistry
{
    public static IReadOnlyList<ScheduledJob> All { get; } =
    [
        // Every day at 06:00, before the consultants start.
        Define("certificate-expiry-scan", "0 6 * * *", typeof(CertificateExpiryScanJob), () => new ScanCertificateExpiryCommand(), outcome => outcome.Describe()),
        // Every day at 06:30, before the consultants start: raise tickets that block a filing due within 3 working days.
        Define("filing-deadlines", "30 6 * * *", typeof(FilingDeadlinesJob), () => new CheckFilingDeadlinesCommand(), outcome => outcome.Describe()),
        // Every day at 07:00, before the working day starts.
        Define("kpp-visit-reminders", "0 7 * * *", typeof(KppVisitRemindersJob), () => new SendKppVisitRemindersCommand(), outcome => outcome.Describe()),
        Define("sla-escalation", "*/15 * * * *", typeof(SlaEscalationJob), () => new EscalateSlaCommand(), outcome => outcome.Describe()),
        // Every day at midnight.
        Define("classifier-retraining", "0 0 * * *", typeof(ClassifierRetrainingJob), () => new RetrainClassifierCommand(), outcome => outcome.Describe()),
        Define("waiting-on-client", "0 * * * *", typeof(WaitingOnClientJob), () => new RunWaitingOnClientCommand(), outcome => outcome.Describe()),
        Define("mail-delivery", "* * * * *", typeof(MailDeliveryJob), () => new DeliverPendingMailCommand(), outcome => outcome.Describe()),
        // Every Monday at 07:00, after the ISO week it reports on has ended.
        Define("weekly-digest", "0 7 * * 1", typeof(WeeklyDigestJob), () => new SendWeeklyDigestCommand(), outcome => outcome.Describe()),
        // Every day at 02:00, when nobody is saving tickets.
        Define("report-upkeep", "0 2 * * *", typeof(ReportUpkeepJob), () => new CompactReportTalliesCommand(), outcome => outcome.Describe()),
        // Every hour at :45 (query statistics take :30): Idempotency-Keys are kept 24 hours.
        Define("idempotency-cleanup", "45 * * * *", typeof(IdempotencyCleanupJob), () => new PurgeIdempotentRequestsCommand(), outcome => outcome.Describe()),
        // Every day at 01:00 WIB, before report upkeep, while nobody is working.
        Define("nightly-backup", "0 1 * * *", typeof(NightlyBackupJob), () => new TakeNightlyBackupCommand(), outcome => outcome.Describe()),
        // Every hour at :30, away from the hourly jobs: statistics follow a growing database (decision record 0161).
        Define("query-statistics", "30 * * * *", typeof(QueryStatisticsJob), () => new OptimizeQueryStatisticsCommand(), outcome => outcome),
    ];

    /// <summary>The job of that name, or null for a name no job has.</summary>
    public static ScheduledJob? Find(string name) => All.SingleOrDefault(job => job.Name == name);

    /// <summary>The job a Hangfire class runs.</summary>
    public static ScheduledJob For<TJob>() => All.Single(job => job.JobType == typeof(TJob));

    /// <summary>Each job's class, for the container that Hangfire builds them from.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        foreach (var job in All)
        {
            services.AddTransient(job.JobType);
        }

        return services;
    }

    /// <summary>Adds or updates every recurring job under its name; the minute and hourly ones fire at the same instants in any whole-hour zone.</summary>
    public static void ScheduleAll(IRecurringJobManager jobs)
    {
        var wib = JakartaTime();
        foreach (var job in All)
        {
            // The class's own RunAsync, so Hangfire reads its retry and concurrency attributes.
            var run = new Hangfire.Common.Job(job.JobType, job.JobType.GetMethod("RunAsync", [typeof(CancellationToken)])!, CancellationToken.None);
            jobs.AddOrUpdate(job.Name, run, job.Cron, new RecurringJobOptions { TimeZone = wib });
        }
    }

    /// <summary>Asia/Jakarta for recurring schedules, or a fixed UTC+7 where the host has no time-zone database.</summary>
    public static TimeZoneInfo JakartaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");
        }
    }

    private static ScheduledJob Define<TOutcome>(string name, string cron, Type jobType, Func<ICommand<Result<TOutcome>>> command, Func<TOutcome, string> describe) =>
        new(name, cron, jobType, async (sender, cancellationToken) =>
        {
            var result = await sender.Send(command(), cancellationToken);
            return result.IsSuccess ? describe(result.Value) : result.Error;
        });
}
