using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Features.Incidents;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Incidents;

public partial class IncidentPage
{
    private readonly FormErrors linkErrors = new();
    private readonly FormErrors updateErrors = new();
    private readonly FormErrors resolveErrors = new();
    private IncidentView? view;
    private string? loadError;
    private string? numbers;
    private string? update;
    private string? summary;
    private string? outcome;

    [Parameter]
    public Guid Id { get; set; }

    private string? LinkError => linkErrors.Summary ?? string.Join(" ", linkErrors.Keys().Select(linkErrors.Text));

    private string? ResolveError => resolveErrors.Summary ?? string.Join(" ", resolveErrors.Keys().Select(resolveErrors.Text));

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetIncidentQuery { IncidentId = Id });
        view = result.IsSuccess ? result.Value : null;
        loadError = result.IsSuccess ? null : result.Error.Message;
    }

    private async Task LinkAsync()
    {
        var result = await SendAsync(new LinkTicketsToIncidentCommand { IncidentId = Id, TicketNumbers = numbers }, linkErrors);
        if (result.IsSuccess)
        {
            numbers = null;
            outcome = Describe(result.Value);
            await LoadAsync();
        }
    }

    private async Task PostAsync()
    {
        var result = await SendAsync(new PostIncidentUpdateCommand { IncidentId = Id, Text = update ?? "" }, updateErrors);
        if (result.IsSuccess)
        {
            update = null;
            outcome = L["Incidents.Posted", result.Value];
            await LoadAsync();
        }
    }

    private async Task ResolveAsync()
    {
        var result = await SendAsync(new ResolveIncidentCommand { IncidentId = Id, Summary = summary ?? "" }, resolveErrors);
        if (result.IsSuccess)
        {
            summary = null;
            outcome = Describe(result.Value);
            await LoadAsync();
        }
    }

    private string Describe(BulkOutcome done) => done.Skipped.Count == 0
        ? L["Bulk.Done", done.Changed.Count]
        : L["Bulk.DoneSkipped", done.Changed.Count, done.Skipped.Count,
            string.Join("; ", done.Skipped.Select(skip => $"{skip.Number} ({skip.Reason})"))];
}
