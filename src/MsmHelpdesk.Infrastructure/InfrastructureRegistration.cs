using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
        return services;
    }

    /// <summary>Hangfire storage: SQL Server in production, in-memory for the embedded default.</summary>
    public static IServiceCollection AddHelpdeskJobStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        // What must happen is recorded in our own tables first; Hangfire only acts on those records,
        // so losing the in-memory job store on restart loses no work.
        var storage = new Lazy<JobStorage>(() => settings.Provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(settings.ConnectionString)
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
        services.AddTransient<ClassifierRetrainingJob>();
        services.AddTransient<MailDeliveryJob>();
        services.AddTransient<CertificateExpiryScanJob>();
        services.AddTransient<WaitingOnClientJob>();
        services.AddTransient<SlaEscalationJob>();
        services.AddTransient<KppVisitRemindersJob>();
        services.AddTransient<WeeklyDigestJob>();
        return services;
    }

    private static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(settings.ConnectionString, sql => sql.MigrationsAssembly(DatabaseSettings.SqlServerMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly))
                .AddInterceptors(new SqliteConnectionSetup());
        }
    }
}
