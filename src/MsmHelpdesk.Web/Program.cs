using Microsoft.Extensions.Logging.Console;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Web.Api;
using MsmHelpdesk.Web.Components;
using MsmHelpdesk.Web.Endpoints;
using MsmHelpdesk.Web.Hosting;

// The slim builder: the default one also registers IIS integration, HTTP/3 (QUIC) and the Debug and EventSource log
// providers, whose assemblies a Linux Kestrel host loaded for nothing. What this app uses of the rest is added back
// below (decision record 0194).
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration(); // https:// URLs and Kestrel's certificate settings
if (builder.Environment.IsDevelopment())
{
    builder.WebHost.UseStaticWebAssets(); // MudBlazor's files from the package folder when run from the build output
}

// The slim builder's console logger is set to the plain formatter after configuration is bound; configuration
// ("Logging:Console", JSON lines with UTC timestamps) decides again, as with the default builder.
builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));

builder.Services.AddHelpdeskCore(builder.Configuration);
var database = DatabaseSettings.From(builder.Configuration);
builder.Services.AddHelpdeskBackgroundJobs(database);
builder.Services.AddHelpdeskUi();
builder.Services.AddHelpdeskSignIn();
builder.Services.AddHelpdeskApi();
builder.Services.AddHelpdeskHealthChecks();
builder.Services.AddHelpdeskTransport(builder.Configuration);
builder.Services.AddHelpdeskRequestLimits(builder.Configuration);
builder.Services.AddHelpdeskIdleTrim(builder.Configuration);

var app = builder.Build();

if (database.MigrateOnStartup)
{
    await DatabaseInitializer.MigrateAsync(app.Services);
}

app.UseHelpdeskIdleTrim();
app.UseHelpdeskTransport();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseHelpdeskCultures();
app.UseAuthentication();
app.UseRequestLimits();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks(IdleTrimRegistration.HealthPath).AllowAnonymous();
app.MapAccountEndpoints();
app.MapAttachmentEndpoints();
app.MapReportEndpoints();
app.MapHelpdeskApi();
app.MapApiDocument().AllowAnonymous();
app.MapJobsDashboard();
// No per-message deflate on the circuit's WebSocket: with it every open tab keeps a zlib compressor and decompressor
// (their windows and hash tables, outside the GC heap) for its whole life; render batches cross a LAN, and
// frame-ancestors comes from our own security headers (decision record 0186).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.DisableWebSocketCompression = true);

app.ScheduleHelpdeskJobs();

await app.RunAsync();

public partial class Program;
