using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Incidents;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Incidents;

public partial class IncidentList
{
    private readonly FormErrors errors = new();
    private CreateIncidentCommand command = new();
    private IncidentOverview? list;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The error code of a suggestion followed from the ticket list.</summary>
    [SupplyParameterFromQuery(Name = "code")]
    private string? Code { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            command.ErrorCode = Code.Trim().ToUpperInvariant();
            command.Title = L["Incidents.SuggestedTitle", command.ErrorCode];
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new ListIncidentsQuery());
        list = result.IsSuccess ? result.Value : new IncidentOverview([], []);
    }

    private void Prefill(IncidentSuggestion suggestion)
    {
        command.ErrorCode = suggestion.ErrorCode;
        command.Title = L["Incidents.SuggestedTitle", suggestion.ErrorCode];
    }

    private async Task CreateAsync()
    {
        var result = await SendAsync(command, errors);
        if (result.IsSuccess)
        {
            Navigation.NavigateTo($"/incidents/{result.Value}");
        }
    }
}
