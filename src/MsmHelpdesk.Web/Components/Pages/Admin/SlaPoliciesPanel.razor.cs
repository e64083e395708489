using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class SlaPoliciesPanel
{
    private readonly Dictionary<TicketPriority, FormErrors> policyErrors = Enum.GetValues<TicketPriority>().ToDictionary(p => p, _ => new FormErrors());
    private List<UpdateSlaPolicyCommand> policies = [];

    /// <summary>The settings the forms start from; the saved columns follow every reload.</summary>
    [Parameter, EditorRequired]
    public SlaSettingsView View { get; set; } = null!;

    [Parameter]
    public EventCallback OnSaved { get; set; }

    protected override void OnInitialized() =>
        policies = View.Policies.Select(p => new UpdateSlaPolicyCommand { Priority = p.Priority, FirstResponseHours = p.FirstResponseHours, ResolutionHours = p.ResolutionHours }).ToList();

    private async Task SavePolicyAsync(UpdateSlaPolicyCommand policy)
    {
        if ((await SendAsync(policy, policyErrors[policy.Priority])).IsSuccess)
        {
            Snackbar.Add(L["Sla.Saved"], Severity.Success);
            await OnSaved.InvokeAsync();
        }
    }
}
