using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Backups;
using MsmHelpdesk.Application.Common.Certificates;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Infrastructure.Backups;
using MsmHelpdesk.Infrastructure.Certificates;
using MsmHelpdesk.Infrastructure.Files;
using MsmHelpdesk.Infrastructure.Identity;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Notifications;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Infrastructure.Persistence.ReportTotals;

namespace MsmHelpdesk.Infrastructure;

public static class InfrastructureRegistration
{
    /// <summary>Contexts kept for reuse: more than a 2-core host runs at once; a context beyond it is simply disposed.</summary>
    public const int ContextPoolSize = 64;

    /// <summary>
    /// Database, Identity stores and the clock. The web app, the CLI, the tests and the design-time
    /// factories all call this, so every DbContext is built the same way (the .NET 10 Identity schema
    /// is read from these services: a context built otherwise would miss the passkey table).
    /// </summary>
    public static IServiceCollection AddHelpdeskPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);

        var tuning = SqliteTuning.From(configuration);
        // Pooled (decision record 0200): a context handed back is reset and handed out again, so its internal services
        // (built on first use, ~4 % of a created ticket's CPU) are built once per pooled instance, not once per handler.
        // The context holds no state of its own (no fields; only the options); its interceptors are stateless or keyed by
        // connection. No connection is held: a returned context has closed it (0169's held connection stays reverted).
        services.AddPooledDbContextFactory<HelpdeskDbContext>(options => Configure(options, settings, tuning), ContextPoolSize);
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContext());
        services.AddSingleton<IAppDbContextFactory, AppDbContextFactory>();
        services.AddSingleton(provider => new SqlServerTicketFullText(settings, SqlServerTicketFullText.ModeFrom(configuration)));
        services.AddSingleton<ITicketFullText>(provider => provider.GetRequiredService<SqlServerTicketFullText>());
        services.AddSingleton<IAttachmentStore>(_ => FileAttachmentStore.From(configuration));
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(provider => provider.GetRequiredService<KnowledgeStore>());
        services.AddSingleton<ILearnedModelStore, LearnedModelStore>();
        services.AddSingleton<ICatalogueVersions, CatalogueVersions>();
        services.AddSingleton<ICertificateInspector, Pkcs12CertificateInspector>();
        services.AddSingleton(SmtpSettings.Read(configuration));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<INotifier, DatabaseNotifier>();
        services.AddSingleton(new WaitingOnClientPolicy(
            int.TryParse(configuration[ConfigKeys.WaitingReminderDays], out var reminderDays) ? reminderDays : WaitingOnClientPolicy.Default.ReminderDays,
            int.TryParse(configuration[ConfigKeys.WaitingAutoCloseDays], out var closeDays) ? closeDays : WaitingOnClientPolicy.Default.AutoCloseDays));
        services.AddSingleton(new Application.Features.Firm.FirmNameCache(
            Application.Features.Firm.FirmName.Configured(configuration[ConfigKeys.FirmName], configuration[ConfigKeys.FirmShortName])));
        services.AddSingleton<Application.Common.IBusinessCalendarSource, Application.Features.Sla.DatabaseBusinessCalendarSource>();
        var dataProtection = services.AddDataProtection().SetApplicationName("MsmHelpdesk").PersistKeysToDbContext<HelpdeskDbContext>();
        if (DataProtectionCertificate.Load(configuration) is { } certificate)
        {
            // Keys are encrypted before they reach the table; the same certificate decrypts them.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        // The sign-in manager needs the authentication services; the web app adds its cookie schemes on top.
        services.AddAuthentication();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = FieldLimits.PasswordMinLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HelpdeskDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<HelpdeskClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddSingleton<IIdentityService, IdentityService>();
        services.AddSingleton(provider => new BackupService(configuration, settings, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBackupService>(provider => provider.GetRequiredService<BackupService>());

        return services;
    }

    /// <summary>Hangfire storage: SQL Server in production, in-memory for the embedded default.</summary>
    public static IServiceCollection AddHelpdeskJobStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        // What must happen is recorded in our own tables first; Hangfire only acts on those records,
        // so losing the in-memory job store on restart loses no work.
        var storage = new Lazy<JobStorage>(() => settings.Provider == DatabaseProvider.SqlServer
            ? SqlServerJobStorage(settings.ConnectionString)
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage.Value));

        // This host's own storage, registered last: Hangfire would otherwise hand out the static
        // JobStorage.Current, which several hosts in one process (the test suite) overwrite in turn.
        services.AddSingleton<JobStorage>(_ => storage.Value);
        services.AddScoped<JobContext>();
        services.AddScheduledJobs();
        return services;
    }

    private static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, SqliteTuning tuning)
    {
        // Single queries on purpose: the collections loaded together (a client's officers and contacts) are a
        // handful of rows; saying so also keeps EF's "multiple collections" warning out of the CLI's output.
        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            UseSqlServer(options, settings.ConnectionString);
        }
        else
        {
            options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(new SqliteConnectionSetup(tuning));

            // The model EF would otherwise build at the first context from OnModelCreating and its conventions, generated
            // ahead (`dotnet ef dbcontext optimize`, decision record 0191): the host never runs EF's model building. Not
            // for the tools (`dotnet ef` builds the model being diffed or compiled) nor for SQL Server, whose model
            // differs (SQLite stores DateTimeOffset as ticks) and which builds its own.
            // Migrate's check for model changes without a migration would build the model all the same (and the last
            // migration's snapshot): MigrationTests and CompiledModelTests make that check before anything ships.
            if (!EF.IsDesignTime)
            {
                options.UseModel(Persistence.CompiledModels.Sqlite.HelpdeskDbContextModel.Instance)
                    .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
            }
        }

        // Every save that writes tickets also writes their report totals, in the same transaction.
        options.AddInterceptors(new ReportTotalsInterceptor());
    }

    // The SQL Server calls live in methods of their own: compiling a method loads every assembly it names, so an
    // embedded (SQLite) host would otherwise map EF Core's and Hangfire's SQL Server assemblies it never uses
    // (decision record 0187).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(DatabaseSettings.SqlServerMigrationsAssembly)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JobStorage SqlServerJobStorage(string connectionString) => new SqlServerStorage(connectionString);
}
