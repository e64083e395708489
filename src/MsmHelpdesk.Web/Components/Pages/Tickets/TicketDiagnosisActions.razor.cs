using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketDiagnosisActions
{
    private string? correctScenario;
    private string? correctCause;

    /// <summary>The consultant reopened a confirmed diagnosis to correct it.</summary>
    private bool reviewing;

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    /// <summary>Raised after the diagnosis was confirmed or corrected, so the page reloads the ticket.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>The stored texts the suggestion's evidence points into.</summary>
    private Dictionary<EvidenceField, string?> Texts => new()
    {
        [EvidenceField.ErrorText] = View.ErrorText,
        [EvidenceField.Description] = View.Description,
        [EvidenceField.Activity] = View.Activity,
    };

    private async Task ConfirmAsync(string scenario, string cause)
    {
        if (!(await SendAsync(new ConfirmDiagnosisCommand { TicketId = View.Id, Scenario = scenario, Cause = cause })).IsSuccess)
        {
            return;
        }

        reviewing = false;
        Snackbar.Add(L["Diagnosis.Saved"], Severity.Success);
        await OnChanged.InvokeAsync();
    }
}
