using Microsoft.AspNetCore.Localization;
using MsmHelpdesk.Web.Resources;
using MudBlazor;
using MudBlazor.Services;

namespace MsmHelpdesk.Web.Hosting;

public static class UiServices
{
    /// <summary>Blazor Server with MudBlazor, its texts in the user's language.</summary>
    public static IServiceCollection AddHelpdeskUi(this IServiceCollection services)
    {
        // 64 KB per circuit message: a 4,000-character field fits even when every character is escaped;
        // files travel in Blazor's own chunks below that.
        services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // A dropped connection (laptop lid, flaky Wi-Fi) reconnects within the client's retries (about half a minute);
            // a circuit kept longer only holds memory for a tab that is gone (decision record 0163).
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
            circuits.DisconnectedCircuitMaxRetained = 20;
        }).AddHubOptions(hub => hub.MaximumReceiveMessageSize = 64 * 1024);
        services.AddMudServices();
        services.AddTransient<MudLocalizer, HelpdeskMudLocalizer>();
        services.AddLocalization();
        services.AddScoped<MsmHelpdesk.Web.Components.Pages.Tickets.TicketNeighbours>();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>Bahasa Indonesia unless the language cookie says otherwise; the browser's own language is not asked.</summary>
    public static IApplicationBuilder UseHelpdeskCultures(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(UiCultures.Indonesian)
                .AddSupportedCultures(UiCultures.Supported)
                .AddSupportedUICultures(UiCultures.Supported);
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
}
