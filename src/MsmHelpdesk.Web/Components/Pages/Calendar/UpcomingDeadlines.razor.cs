using MsmHelpdesk.Application.Features.Calendar;

namespace MsmHelpdesk.Web.Components.Pages.Calendar;

public partial class UpcomingDeadlines
{
    private IReadOnlyList<UpcomingDeadlineView>? deadlines;

    protected override async Task OnInitializedAsync()
    {
        // A user without access simply sees nothing: the home page shows what each role may read.
        var result = await Sender.Send(new GetUpcomingDeadlinesQuery());
        deadlines = result.IsSuccess ? result.Value : [];
    }
}
