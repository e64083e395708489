using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Features.Incidents;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketBulkBar
{
    /// <summary>The select's value for "nobody" (a select cannot hold null as a chosen item).</summary>
    private const string Unassigned = "-";

    private readonly FormErrors errors = new();
    private string? assigneeId;
    private TicketStatus? status;
    private string? summary;
    private TicketPriority? priority;
    private Guid? incidentId;
    private BulkOutcome? outcome;
    private IReadOnlyList<IncidentRow> openIncidents = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<TicketRow> Selection { get; set; } = [];

    [Parameter]
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    /// <summary>Raised after an action ran: the list reloads and the selection is cleared.</summary>
    [Parameter]
    public EventCallback OnDone { get; set; }

    [Parameter]
    public EventCallback OnClear { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var incidents = await Sender.Send(new ListIncidentsQuery { ResolvedLimit = 0 });
        openIncidents = incidents.IsSuccess ? incidents.Value.Incidents.Where(i => i.Status == IncidentStatus.Open).ToArray() : [];
    }

    /// <summary>A refusal not shown next to a field: the summary, or the messages of fields this bar has no input for.</summary>
    private string? ErrorLine => errors.Summary
        ?? (errors.Keys().Where(key => key != nameof(BulkChangeTicketStatusCommand.ResolutionSummary)).Select(errors.Text).ToArray() is { Length: > 0 } lines
            ? string.Join(" ", lines)
            : null);

    private List<Guid> Ids => Selection.Select(row => row.Id).ToList();

    private Task AssignAsync() => RunAsync(new BulkAssignTicketsCommand { TicketIds = Ids, AssigneeId = assigneeId == Unassigned ? null : assigneeId });

    private Task ChangeStatusAsync() => RunAsync(new BulkChangeTicketStatusCommand { TicketIds = Ids, To = status!.Value, ResolutionSummary = summary });

    private Task ChangePriorityAsync() => RunAsync(new BulkChangeTicketPriorityCommand { TicketIds = Ids, Priority = priority!.Value });

    private Task LinkAsync() => RunAsync(new LinkTicketsToIncidentCommand { IncidentId = incidentId!.Value, TicketIds = Ids });

    private async Task RunAsync(Mediator.ICommand<Result<BulkOutcome>> command)
    {
        outcome = null;
        var result = await SendAsync(command, errors);
        if (!result.IsSuccess)
        {
            return;
        }

        outcome = result.Value;
        summary = null;
        await OnDone.InvokeAsync();
    }

    /// <summary>"12 diubah, 1 dilewati: MSM-2026-000007 (Status tidak bisa diubah …)".</summary>
    private string Describe(BulkOutcome done) => done.Skipped.Count == 0
        ? L["Bulk.Done", done.Changed.Count]
        : L["Bulk.DoneSkipped", done.Changed.Count, done.Skipped.Count,
            string.Join("; ", done.Skipped.Select(skip => $"{skip.Number} ({skip.Reason})"))];
}
