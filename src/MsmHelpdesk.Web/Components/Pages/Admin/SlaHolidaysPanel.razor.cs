using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class SlaHolidaysPanel
{
    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private readonly FormErrors holidayErrors = new();
    private readonly FormErrors importErrors = new();
    private SaveHolidayCommand holiday = new();
    private ImportHolidaysCommand import = new();

    /// <summary>The settings with the holidays of the year shown.</summary>
    [Parameter, EditorRequired]
    public SlaSettingsView View { get; set; } = null!;

    /// <summary>Asks the page to show (and reload) a year.</summary>
    [Parameter]
    public EventCallback<int?> OnYearChanged { get; set; }

    protected override void OnParametersSet() => import.Year = View.Year;

    private void Edit(HolidayView existing)
    {
        holiday = new SaveHolidayCommand { Id = existing.Id, Date = existing.Date, Name = existing.Name };
        holidayErrors.Clear();
    }

    private async Task SaveHolidayAsync()
    {
        if (!(await SendAsync(holiday, holidayErrors)).IsSuccess)
        {
            return;
        }

        Snackbar.Add(L["Sla.Saved"], Severity.Success);
        var year = holiday.Date?.Year ?? View.Year;
        holiday = new SaveHolidayCommand();
        await OnYearChanged.InvokeAsync(year);
    }

    private async Task DeleteAsync(HolidayView existing)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Sla.Delete"], L["Sla.DeleteConfirm", existing.Name],
            yesText: L["Sla.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var result = await Sender.Send(new DeleteHolidayCommand { Id = existing.Id });
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
        }

        await OnYearChanged.InvokeAsync(View.Year);
    }

    private async Task ImportAsync()
    {
        var result = await SendAsync(import, importErrors);
        if (!result.IsSuccess)
        {
            return;
        }

        Snackbar.Add(L["Sla.Imported", result.Value], Severity.Success);
        import = new ImportHolidaysCommand { Year = import.Year };
        await OnYearChanged.InvokeAsync(View.Year);
    }
}
