using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class SlaHoursPanel
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly FormErrors hoursErrors = new();
    private UpdateWorkingHoursCommand hours = new();

    /// <summary>The settings the form starts from; later reloads leave what the user typed alone.</summary>
    [Parameter, EditorRequired]
    public SlaSettingsView View { get; set; } = null!;

    [Parameter]
    public EventCallback OnSaved { get; set; }

    protected override void OnInitialized() =>
        hours = new UpdateWorkingHoursCommand { Opens = View.Opens, Closes = View.Closes, WorkingDays = [.. View.WorkingDays] };

    private void Toggle(DayOfWeek day, bool on)
    {
        hours.WorkingDays.Remove(day);
        if (on)
        {
            hours.WorkingDays.Add(day);
        }
    }

    private async Task SaveHoursAsync()
    {
        if ((await SendAsync(hours, hoursErrors)).IsSuccess)
        {
            Snackbar.Add(L["Sla.Saved"], Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
