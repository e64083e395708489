using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Jobs;

/// <summary>The one list of background jobs: Hangfire's schedule, the container and `msmhelpdesk jobs run` all read it.</summary>
public sealed class JobRegistryTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    [Fact]
    public void ShouldKeepEveryJobsNameAndScheduleInWib()
    {
        // The names are the Hangfire ids and the CLI's names; operators and the docs use them.
        var expected = new Dictionary<string, string>
        {
            ["certificate-expiry-scan"] = Cron.Daily(6),
            ["filing-deadlines"] = "30 6 * * *",
            ["kpp-visit-reminders"] = Cron.Daily(7),
            ["sla-escalation"] = "*/15 * * * *",
            ["classifier-retraining"] = Cron.Daily(),
            ["waiting-on-client"] = Cron.Hourly(),
            ["mail-delivery"] = Cron.Minutely(),
            ["weekly-digest"] = Cron.Weekly(DayOfWeek.Monday, 7),
            ["report-upkeep"] = Cron.Daily(2),
            ["idempotency-cleanup"] = "45 * * * *",
            ["nightly-backup"] = Cron.Daily(1),
            ["query-statistics"] = Cron.Hourly(30),
        };

        Assert.Equal(expected, JobRegistry.All.ToDictionary(job => job.Name, job => job.Cron));
        Assert.Equal(JobRegistry.All.Count, JobRegistry.All.Select(job => job.JobType).Distinct().Count());
    }

    [Fact]
    public void ShouldScheduleEveryJobUnderItsNameWithItsClassAndTheJakartaClock()
    {
        var recorded = new RecordingRecurringJobs();

        JobRegistry.ScheduleAll(recorded);

        Assert.Equal(JobRegistry.All.Select(job => job.Name), recorded.Jobs.Keys);
        Assert.All(JobRegistry.All, job =>
        {
            var (run, cron, options) = recorded.Jobs[job.Name];
            Assert.Equal(job.Cron, cron);
            Assert.Equal(job.JobType, run.Type);
            // The class's own method, so Hangfire applies the retry attributes written on it.
            Assert.Equal(job.JobType.GetMethod("RunAsync"), run.Method);
            Assert.Equal(TimeSpan.FromHours(7), options.TimeZone.BaseUtcOffset);
        });
    }

    [Fact]
    public async Task ShouldRunEveryJobClassAsTheOperatorThroughTheCommandItsEntryNames()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}",
                [ConfigKeys.AttachmentsDirectory] = Path.Combine(_directory, "attachments"),
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddHelpdeskCore(configuration);
        services.AddHelpdeskJobStorage(DatabaseSettings.From(configuration));
        // As in the web app: inside a job's scope the current user is whoever the job acts as.
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<JobContext>().User
            ?? throw new InvalidOperationException("only jobs run here"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await DatabaseInitializer.MigrateAsync(provider);

        foreach (var job in JobRegistry.All)
        {
            var instance = provider.GetRequiredService(job.JobType);
            var run = (Task)job.JobType.GetMethod("RunAsync")!.Invoke(instance, [CancellationToken.None])!;
            await run;
        }
    }

    [Fact]
    public async Task ShouldNameEveryRegisteredJobWhenTheCliIsGivenAnUnknownOne()
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["jobs", "run", "backup"], new StringReader(""), new StringWriter(), error, new Dictionary<string, string?>
        {
            [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(_directory, "helpdesk.db")}",
        });

        Assert.Equal(CliApp.Usage, exit);
        Assert.Equal($"usage: msmhelpdesk jobs run <job>; jobs: {string.Join(", ", JobRegistry.All.Select(job => job.Name))}", error.ToString().Trim());
        Assert.All(JobRegistry.All, job => Assert.Contains(job.Name, error.ToString(), StringComparison.Ordinal));
    }

    /// <summary>What the web app's recurring job manager is asked to store (the real one writes to Hangfire's shared static state).</summary>
    private sealed class RecordingRecurringJobs : IRecurringJobManager
    {
        public Dictionary<string, (Hangfire.Common.Job Run, string Cron, RecurringJobOptions Options)> Jobs { get; } = [];

        public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, RecurringJobOptions options) =>
            Jobs.Add(recurringJobId, (job, cronExpression, options));

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
