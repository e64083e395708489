using MsmHelpdesk.Composition;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Web.Api;
using MsmHelpdesk.Web.Components;
using MsmHelpdesk.Web.Endpoints;
using MsmHelpdesk.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

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
app.MapOpenApi(ApiServices.DocumentPath).AllowAnonymous();
app.MapJobsDashboard();
// No per-message deflate on the circuit's WebSocket: with it every open tab keeps a zlib compressor and decompressor
// (their windows and hash tables, outside the GC heap) for its whole life; render batches cross a LAN, and
// frame-ancestors comes from our own security headers (decision record 0186).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.DisableWebSocketCompression = true);

app.ScheduleHelpdeskJobs();

await app.RunAsync();

public partial class Program;
