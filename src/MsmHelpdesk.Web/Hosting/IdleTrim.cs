using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Web.Hosting;

/// <summary>
/// After a quiet spell (no HTTP request, no circuit event) the app gives memory back: the pooled SQLite connections are
/// closed (their page caches and the map of the database file go), the classifiers' word memos are emptied (0197), the heap is compacted and decommitted, and glibc
/// returns freed native pages. The next request simply opens a connection and grows the heap again. Decision record 0164.
/// </summary>
public sealed class IdleTrim(TimeProvider time, IdleTrimSettings settings, ILogger<IdleTrim> logger) : BackgroundService
{
    private long _lastActivity = time.GetTimestamp();
    private int _inFlight;
    private int _trimmedSinceActivity;
    private int _circuitsOpened;
    private int _trims;
    private int _settles;

    /// <summary>How many times memory was given back since start-up.</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>How many times the garbage of opening circuits was collected before the trim (<see cref="SettleIfQuiet"/>).</summary>
    public int Settles => Volatile.Read(ref _settles);

    /// <summary>A tab started a circuit: its server render and first live render leave garbage worth collecting soon.</summary>
    public void NoteCircuitOpened() => Interlocked.Increment(ref _circuitsOpened);

    /// <summary>
    /// Marks a request or circuit event as running until the returned scope is disposed: a slow one (a long report, a
    /// queue of writers) is activity however long it takes, and the quiet spell starts when it ends.
    /// </summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        NoteActivity();
        return new Activity(this);
    }

    /// <summary>Trims once per quiet spell: true when it did now.</summary>
    public bool TrimIfIdle()
    {
        if (Volatile.Read(ref _inFlight) > 0 || time.GetElapsedTime(Volatile.Read(ref _lastActivity)) < settings.After
            || Interlocked.CompareExchange(ref _trimmedSinceActivity, 1, 0) == 1)
        {
            return false;
        }

        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        SqliteMemory.ReleaseIdleConnections();
        Classifier.ForgetRememberedWords();
        Interlocked.Exchange(ref _circuitsOpened, 0);
        CollectAndGiveBack();
        Interlocked.Increment(ref _trims);
        logger.LogInformation("Idle for {Seconds} s: memory given back (GC heap committed {Before} → {After} MiB)",
            settings.After.TotalSeconds, before >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
        return true;
    }

    /// <summary>
    /// A few seconds after tabs opened and everything went quiet, collects what opening them left (each /tickets tab's
    /// server render and first live render: ~0.9 MiB of garbage a tab that would otherwise wait for the trim or the next
    /// full collection) without closing the database connections, whose reopening the next request would pay. True when
    /// it did now. Decision record 0189.
    /// </summary>
    public bool SettleIfQuiet()
    {
        if (Volatile.Read(ref _circuitsOpened) == 0 || Volatile.Read(ref _inFlight) > 0
            || time.GetElapsedTime(Volatile.Read(ref _lastActivity)) < settings.SettleAfter
            || Interlocked.Exchange(ref _circuitsOpened, 0) == 0)
        {
            return false;
        }

        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        CollectAndGiveBack();
        Interlocked.Increment(ref _settles);
        logger.LogDebug("Quiet after opening circuits: garbage collected (GC heap committed {Before} → {After} MiB)",
            before >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
        return true;
    }

    private static void CollectAndGiveBack()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        ReturnFreedNativeMemory();
    }

    private void NoteActivity()
    {
        Volatile.Write(ref _lastActivity, time.GetTimestamp());
        Volatile.Write(ref _trimmedSinceActivity, 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.After <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!TrimIfIdle())
            {
                SettleIfQuiet();
            }
        }
    }

    /// <summary>SQLite's freed page caches stay in glibc's arenas until trimmed; other C libraries have no malloc_trim.</summary>
    private static void ReturnFreedNativeMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl (Alpine) has no malloc_trim: nothing to give back this way.
        }
    }

    private sealed class Activity(IdleTrim owner) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                owner.NoteActivity();
                Interlocked.Decrement(ref owner._inFlight);
            }
        }
    }

    // DllImport rather than LibraryImport: an int and a size need no marshalling, and no unsafe code in the project.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

/// <summary>
/// How long the app must be quiet before <see cref="IdleTrim"/> gives memory back, how often it looks, and how long after
/// circuits opened it collects their garbage (five seconds, or the whole spell when that is shorter; never when trims are off).
/// </summary>
public sealed record IdleTrimSettings(TimeSpan After, TimeSpan CheckEvery)
{
    public TimeSpan SettleAfter => After <= TimeSpan.Zero ? TimeSpan.MaxValue : TimeSpan.FromSeconds(Math.Min(5, After.TotalSeconds));

    public static IdleTrimSettings From(IConfiguration configuration)
    {
        var seconds = int.TryParse(configuration[ConfigKeys.IdleTrimAfterSeconds], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : 60;
        var after = TimeSpan.FromSeconds(seconds);
        // Looked at every two seconds at most: the settle is due five seconds after the last event.
        return new(after, TimeSpan.FromSeconds(Math.Clamp(seconds / 4, 1, 2)));
    }
}

/// <summary>
/// Every event of a live circuit (a click, a keystroke) counts as activity, as an HTTP request does; a circuit's start is
/// noted for the settle.
/// </summary>
internal sealed class IdleTrimCircuitActivity(IdleTrim idleTrim) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        idleTrim.NoteCircuitOpened();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (idleTrim.Begin())
            {
                await next(context);
            }
        };
}

public static class IdleTrimRegistration
{
    public static IServiceCollection AddHelpdeskIdleTrim(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(IdleTrimSettings.From(configuration));
        services.AddSingleton<IdleTrim>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleTrim>());
        services.AddScoped<CircuitHandler, IdleTrimCircuitActivity>();
        return services;
    }

    /// <summary>
    /// Counts each request as activity while it runs, except two: the health probe, which a proxy or container check
    /// polls every few seconds and would keep an unused app from ever counting as quiet, and the circuits' hub, whose
    /// connection lasts as long as the tab (its events count through <see cref="IdleTrimCircuitActivity"/>).
    /// </summary>
    public static IApplicationBuilder UseHelpdeskIdleTrim(this IApplicationBuilder app)
    {
        var idleTrim = app.ApplicationServices.GetRequiredService<IdleTrim>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HealthPath, StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments(CircuitHubPath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            using (idleTrim.Begin())
            {
                await next(context);
            }
        });
    }

    public const string HealthPath = "/health";

    private const string CircuitHubPath = "/_blazor";
}
