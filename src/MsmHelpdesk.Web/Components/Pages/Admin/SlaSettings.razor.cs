using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Sla;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class SlaSettings
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private SlaSettingsView? view;

    protected override Task OnInitializedAsync() => ShowYearAsync(null);

    /// <summary>After a panel saved: the same year again, with the new values and the change log.</summary>
    private Task ReloadAsync() => ShowYearAsync(view?.Year);

    private async Task ShowYearAsync(int? year)
    {
        var result = await Sender.Send(new GetSlaSettingsQuery { Year = year });
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        view = result.Value;
    }
}
