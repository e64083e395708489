using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// The application's real composition (pipeline, validators, EF Core, Identity) over a fresh SQLite file,
/// migrated like production. Messages go through the mediator as a chosen user.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _ownedDirectory;

    private TestApp(ServiceProvider services, string? ownedDirectory)
    {
        _services = services;
        _ownedDirectory = ownedDirectory;
    }

    public TestCurrentUser CurrentUser => _services.GetRequiredService<TestCurrentUser>();

    public IServiceProvider Services => _services;

    /// <summary>
    /// Starts over a new database, or over the one in <paramref name="directory"/> (e.g. one the CLI wrote).
    /// With <paramref name="clock"/> (e.g. a FakeTimeProvider) every handler and job reads the time from it;
    /// <paramref name="settings"/> adds configuration (e.g. the Smtp section, or Logging's levels).
    /// </summary>
    /// <para>With <paramref name="notifier"/> the app notifies through it: it records each call and passes it on to the real
    /// database notifier (shared across restarts when the test passes the same one).</para>
    /// <para>With <paramref name="interceptor"/> every context also runs it (e.g. a <see cref="CostMeter"/>); <paramref name="database"/>
    /// configures every context further (e.g. replaces an EF service).</para>
    public static async Task<TestApp> StartAsync(
        string? directory = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, TestNotifier? notifier = null,
        Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null, Action<DbContextOptionsBuilder>? database = null)
    {
        var owned = directory is null;
        directory ??= TestPaths.NewTempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}",
                [ConfigKeys.AttachmentsDirectory] = Path.Combine(directory, "attachments"),
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                // The Logging section of the settings sets levels as appsettings.json does (e.g. Debug for a test that reads every line).
                logging.AddConfiguration(configuration.GetSection("Logging"));
                if (Environment.GetEnvironmentVariable("MSM_TEST_LOGS") == "1")
                {
                    logging.AddConsole();
                }
            })
            .AddSingleton<IConfiguration>(configuration)
            .AddHelpdeskCore(configuration)
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSingleton<TestCurrentUser>()
            .AddSingleton<ICurrentUser>(provider => provider.GetRequiredService<TestCurrentUser>());
        if (interceptor is not null)
        {
            services.ConfigureDbContext<HelpdeskDbContext>(options => options.AddInterceptors(interceptor));
        }

        if (database is not null)
        {
            services.ConfigureDbContext<HelpdeskDbContext>(database);
        }

        if (notifier is not null)
        {
            services.Replace(ServiceDescriptor.Singleton<INotifier>(notifier));
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        notifier?.AttachTo(provider);
        await DatabaseInitializer.MigrateAsync(provider);
        return new TestApp(provider, owned ? directory : null);
    }

    public async Task<T> SendAsync<T>(UserIdentity sender, ICommand<T> command)
    {
        CurrentUser.Identity = sender;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> SendAsync<T>(UserIdentity sender, IQuery<T> query)
    {
        CurrentUser.Identity = sender;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public async Task<object?> SendObjectAsync(UserIdentity sender, object message)
    {
        CurrentUser.Identity = sender;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(message);
    }

    public IIdentityService Identity => _services.GetRequiredService<IIdentityService>();

    public async Task<T> QueryDbAsync<T>(Func<HelpdeskDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDirectory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; the OS cleans the temp folder.
        }
    }
}
