using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketNew
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    private readonly CreateTicketCommand command = new();
    private readonly FormErrors errors = new();
    private ClientRow? client;
    private IReadOnlyList<ContactView> contacts = [];
    private IReadOnlyList<StaffMember> staff = [];
    private IReadOnlyList<string> secretFields = [];
    private DiagnosisView? suggestion;

    /// <summary>The staff list and the client from the address have arrived: typing now cannot be overwritten by them.</summary>
    private bool loaded;

    [SupplyParameterFromQuery(Name = "client")]
    private Guid? ClientId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var me = await CurrentUser.GetAsync();
        var team = await Sender.Send(new ListStaffQuery());
        staff = team.IsSuccess ? team.Value : [];
        command.AssigneeId = staff.Any(member => member.Id == me.UserId) ? me.UserId : null;
        command.ReportedAt = null;
        if (ClientId is { } id)
        {
            var found = await Sender.Send(new GetClientQuery(id));
            if (found.IsSuccess)
            {
                var view = found.Value;
                client = new ClientRow(view.Id, view.Name, view.NpwpFormatted, view.Kpp, view.CertificateExpiresOn, view.CertificateState, view.CoretaxExpiresOn, 0);
                contacts = view.Contacts;
            }
        }

        loaded = true;
    }

    private async Task<IEnumerable<ClientRow>> SearchClientsAsync(string? text, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ListClientsQuery { Search = text, PageSize = 20 }, cancellationToken);
        return result.IsSuccess ? result.Value.Items : [];
    }

    private async Task ClientChangedAsync()
    {
        command.ContactId = null;
        contacts = [];
        await DiagnoseAsync();
        if (client is not null)
        {
            var view = await Sender.Send(new GetClientQuery(client.Id));
            contacts = view.IsSuccess ? view.Value.Contacts : [];
        }
    }

    private async Task DiagnoseAsync()
    {
        if (string.IsNullOrWhiteSpace(command.ErrorText) && string.IsNullOrWhiteSpace(command.Description))
        {
            suggestion = null;
            return;
        }

        var result = await Sender.Send(new DiagnoseTextQuery
        {
            ClientId = client?.Id,
            ErrorText = command.ErrorText,
            Description = command.Description,
            Activity = command.Activity,
            ReportedAt = command.ReportedAt,
        });
        suggestion = result.IsSuccess ? result.Value : null;
    }

    private void Redact()
    {
        TicketFieldsEditor.RedactSecrets(command);
        secretFields = [];
    }

    private async Task SaveAsync()
    {
        secretFields = TicketFieldsEditor.FieldsWithSecrets(command, L);
        if (secretFields.Count > 0)
        {
            return;
        }

        command.ClientId = client?.Id ?? Guid.Empty;
        var result = await SendAsync(command, errors);
        if (!result.IsSuccess)
        {
            return;
        }

        Navigation.NavigateTo($"/tickets/{result.Value.Number}");
    }
}
