using Hangfire;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Notifications;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Web.Security;

namespace MsmHelpdesk.Web.Hosting;

/// <summary>Hangfire in the web app: its storage and two workers, the Admins' dashboard, and the jobs of <see cref="JobRegistry"/>.</summary>
public static class BackgroundJobs
{
    public static IServiceCollection AddHelpdeskBackgroundJobs(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddHelpdeskJobStorage(database);
        services.AddHangfireServer(options => options.WorkerCount = 2);
        return services;
    }

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/jobs", new DashboardOptions
            {
                Authorization = [new AdminOnlyDashboardFilter()],
                DashboardTitle = "MsmHelpdesk · Jobs",
                AppPath = "/",
            })
            .RequireAuthorization(Roles.Admin);
        return endpoints;
    }

    /// <summary>Adds or updates every recurring job, and says once whether notifications also go out by e-mail.</summary>
    public static void ScheduleHelpdeskJobs(this WebApplication app)
    {
        JobRegistry.ScheduleAll(app.Services.GetRequiredService<IRecurringJobManager>());
        var smtp = app.Services.GetRequiredService<SmtpSettings>();
        if (smtp.IsConfigured)
        {
            app.Logger.LogInformation("Notification e-mail goes through SMTP {Host}:{Port}", smtp.Host, smtp.Port);
        }
        else
        {
            app.Logger.LogInformation("SMTP is not configured (Smtp:Host): notifications are shown in the app only, no e-mail is sent");
        }
    }
}
