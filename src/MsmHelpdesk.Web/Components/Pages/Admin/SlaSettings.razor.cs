using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class SlaSettings
{
    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private SlaSettingsView? view;
    private UpdateWorkingHoursCommand hours = new();
    private List<UpdateSlaPolicyCommand> policies = [];
    private readonly Dictionary<TicketPriority, FormErrors> policyErrors = Enum.GetValues<TicketPriority>().ToDictionary(p => p, _ => new FormErrors());
    private SaveHolidayCommand holiday = new();
    private ImportHolidaysCommand import = new();
    private readonly FormErrors hoursErrors = new();
    private readonly FormErrors holidayErrors = new();
    private readonly FormErrors importErrors = new();

    protected override Task OnInitializedAsync() => LoadAsync(null, resetForms: true);

    private Task LoadAsync(int? year) => LoadAsync(year, resetForms: false);

    private async Task LoadAsync(int? year, bool resetForms)
    {
        var result = await Sender.Send(new GetSlaSettingsQuery { Year = year });
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        view = result.Value;
        import.Year = view.Year;
        if (resetForms)
        {
            hours = new UpdateWorkingHoursCommand { Opens = view.Opens, Closes = view.Closes, WorkingDays = [.. view.WorkingDays] };
            policies = view.Policies.Select(p => new UpdateSlaPolicyCommand { Priority = p.Priority, FirstResponseHours = p.FirstResponseHours, ResolutionHours = p.ResolutionHours }).ToList();
        }
    }

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
        if (await SaveAsync(hours, hoursErrors))
        {
            await LoadAsync(view?.Year);
        }
    }

    private async Task SavePolicyAsync(UpdateSlaPolicyCommand policy)
    {
        if (await SaveAsync(policy, policyErrors[policy.Priority]))
        {
            await LoadAsync(view?.Year);
        }
    }

    private void Edit(HolidayView existing)
    {
        holiday = new SaveHolidayCommand { Id = existing.Id, Date = existing.Date, Name = existing.Name };
        holidayErrors.Clear();
    }

    private async Task SaveHolidayAsync()
    {
        if (!await SaveAsync(holiday, holidayErrors))
        {
            return;
        }

        var year = holiday.Date?.Year ?? view?.Year;
        holiday = new SaveHolidayCommand();
        await LoadAsync(year);
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

        await LoadAsync(view?.Year);
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
        await LoadAsync(view?.Year);
    }

    private async Task<bool> SaveAsync(ICommand<Result> command, FormErrors errors)
    {
        if (!(await SendAsync(command, errors)).IsSuccess)
        {
            return false;
        }

        Snackbar.Add(L["Sla.Saved"], Severity.Success);
        return true;
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly ParseTime(string? text, TimeOnly previous) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : previous;
}
