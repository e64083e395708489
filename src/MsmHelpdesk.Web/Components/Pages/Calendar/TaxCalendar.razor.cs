using MsmHelpdesk.Application.Features.Calendar;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Calendar;

public partial class TaxCalendar
{
    private readonly FormErrors errors = new();
    private TaxCalendarView? view;
    private SaveTaxDeadlineCommand form = new();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetTaxCalendarQuery());
        if (result.IsSuccess)
        {
            view = result.Value;
        }
        else
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
        }
    }

    private string When(int? month, int day) => month is { } m
        ? L["Calendar.Yearly", new DateTime(2000, m, 1).ToString("MMMM", System.Globalization.CultureInfo.CurrentCulture), day]
        : L["Calendar.Monthly", day];

    private void Edit(TaxDeadlineView deadline)
    {
        errors.Clear();
        form = new SaveTaxDeadlineCommand { Id = deadline.Id, Name = deadline.Name, Filing = deadline.Filing, Month = deadline.Month, Day = deadline.Day, Source = deadline.Source };
    }

    private async Task SaveAsync()
    {
        if ((await SendAsync(form, errors)).IsSuccess)
        {
            form = new();
            Snackbar.Add(L["Calendar.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(TaxDeadlineView deadline)
    {
        if ((await SendAsync(new DeleteTaxDeadlineCommand { Id = deadline.Id })).IsSuccess)
        {
            await LoadAsync();
        }
    }
}
