using Mediator;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketSteps
{
    private readonly FormErrors errors = new();
    private AddTicketStepCommand adding = new();
    private EditTicketStepCommand? editing;
    private Guid? skipping;
    private string? skipReason;
    private bool addOpen;


    private static Color StatusColor(TicketStepStatus status) => status switch
    {
        TicketStepStatus.Done => Color.Success,
        TicketStepStatus.InProgress => Color.Info,
        TicketStepStatus.Skipped => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Sends a change to the steps; afterwards reloads them and tells the page.</summary>
    private async Task<bool> ChangeAsync(ICommand<Result> command)
    {
        var result = await SendAsync(command, errors);
        if (!result.IsSuccess)
        {
            // A refusal about no field of the form (e.g. the step's order) would otherwise show nowhere.
            if (result.Error.FieldErrors.Count > 0 && errors.Summary is null && !result.Error.FieldErrors.Keys.Any(IsFormField))
            {
                Snackbar.Add(string.Join(" ", result.Error.FieldErrors.Values.SelectMany(m => m)), Severity.Error);
            }

            return false;
        }

        await LoadAsync();
        await OnChanged.InvokeAsync();
        return true;
    }

    private static bool IsFormField(string field) => field is nameof(AddTicketStepCommand.Title) or nameof(AddTicketStepCommand.Notes)
        or nameof(AddTicketStepCommand.AssigneeId) or nameof(AddTicketStepCommand.DueOn) or nameof(SetTicketStepStatusCommand.Reason);

    private Task SetStatusAsync(StepItem step, TicketStepStatus status) =>
        ChangeAsync(new SetTicketStepStatusCommand { TicketId = TicketId, StepId = step.Id, Status = status });

    private void StartSkipping(StepItem step)
    {
        skipping = step.Id;
        skipReason = null;
        editing = null;
        errors.Clear();
    }

    private async Task SkipAsync(StepItem step)
    {
        if (await ChangeAsync(new SetTicketStepStatusCommand { TicketId = TicketId, StepId = step.Id, Status = TicketStepStatus.Skipped, Reason = skipReason }))
        {
            skipping = null;
            skipReason = null;
        }
    }

    private Task MoveAsync(StepItem step, bool up) => ChangeAsync(new MoveTicketStepCommand { TicketId = TicketId, StepId = step.Id, Up = up });

    private void StartEditing(StepItem step)
    {
        editing = new EditTicketStepCommand { TicketId = TicketId, StepId = step.Id, AssigneeId = step.AssigneeId, DueOn = step.DueOn, Notes = step.Notes };
        skipping = null;
        errors.Clear();
    }

    private async Task SaveEditAsync()
    {
        if (editing is not null && await ChangeAsync(editing))
        {
            editing = null;
        }
    }

    private async Task AddAsync()
    {
        adding.TicketId = TicketId;
        if (await ChangeAsync(adding))
        {
            adding = new AddTicketStepCommand();
            addOpen = false;
        }
    }
}
