using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Jobs;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Web;
using MsmHelpdesk.Web.Api;
using MsmHelpdesk.Web.Components;
using MsmHelpdesk.Web.Endpoints;
using MsmHelpdesk.Web.Security;
using MudBlazor;
using MudBlazor.Services;
using MsmHelpdesk.Web.Resources;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHelpdeskCore(builder.Configuration);
var database = DatabaseSettings.From(builder.Configuration);
builder.Services.AddHelpdeskJobStorage(database);
builder.Services.AddHangfireServer(options => options.WorkerCount = 2);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudLocalizer, HelpdeskMudLocalizer>();
builder.Services.AddLocalization();
builder.Services.AddHttpContextAccessor();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<MsmHelpdesk.Web.Components.Layout.NotificationSignal>();
// A background job sets who it acts as in its own scope; everything else is the signed-in user.
builder.Services.AddScoped<ICurrentUser>(services =>
    services.GetRequiredService<JobContext>().User ?? services.GetRequiredService<CurrentUser>());
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.Cookie.Name = "msm.auth";
    cookie.LoginPath = "/account/login";
    cookie.AccessDeniedPath = "/account/access-denied";
    cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
    cookie.SlidingExpiration = true;
});
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));
builder.Services.AddHelpdeskApi();

builder.Services.AddHealthChecks().AddDbContextCheck<HelpdeskDbContext>(
    "database",
    customTestQuery: async (db, cancellationToken) =>
    {
        await db.SystemFlags.CountAsync(cancellationToken);
        return true;
    });

var app = builder.Build();

if (database.MigrateOnStartup)
{
    await DatabaseInitializer.MigrateAsync(app.Services);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.Use(async (context, next) =>
{
    // Browsers must never guess a type: an uploaded text file stays text, never HTML.
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers.XFrameOptions = "DENY";
    context.Response.Headers["Referrer-Policy"] = "same-origin";
    await next();
});
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture(UiCultures.Indonesian)
        .AddSupportedCultures(UiCultures.Supported)
        .AddSupportedUICultures(UiCultures.Supported);
    options.RequestCultureProviders = [new CookieRequestCultureProvider()];
});
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountEndpoints();
app.MapAttachmentEndpoints();
app.MapReportEndpoints();
app.MapHelpdeskApi();
app.MapOpenApi(ApiServices.DocumentPath).AllowAnonymous();
app.MapHangfireDashboard("/jobs", new DashboardOptions
    {
        Authorization = [new AdminOnlyDashboardFilter()],
        DashboardTitle = "MsmHelpdesk · Jobs",
        AppPath = "/",
    })
    .RequireAuthorization(Roles.Admin);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

ClassifierRetrainingJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
MailDeliveryJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
CertificateExpiryScanJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
WaitingOnClientJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
var smtp = app.Services.GetRequiredService<MsmHelpdesk.Infrastructure.Notifications.SmtpSettings>();
if (smtp.IsConfigured)
{
    app.Logger.LogInformation("Notification e-mail goes through SMTP {Host}:{Port}", smtp.Host, smtp.Port);
}
else
{
    app.Logger.LogInformation("SMTP is not configured (Smtp:Host): notifications are shown in the app only, no e-mail is sent");
}
SlaEscalationJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
KppVisitRemindersJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
WeeklyDigestJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
ReportUpkeepJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());

await app.RunAsync();

public partial class Program;
