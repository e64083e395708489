using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Web.Components.Pages.Clients;

public partial class ClientEdit
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private ClientForm? form;
    private int version;
    private readonly FormErrors errors = new();

    [Parameter]
    public Guid? Id { get; set; }

    private string Title => Id is null ? L["Clients.New"] : L["Clients.Edit"];

    private string NpwpHint => Npwp.Parse(form?.Npwp).Npwp is { } npwp ? L["Client.NpwpStoredAs", npwp.Formatted] : L["Client.NpwpHint"];

    protected override async Task OnParametersSetAsync()
    {
        if (Id is not { } id)
        {
            form = new CreateClientCommand();
            return;
        }

        var result = await Sender.Send(new GetClientQuery(id));
        if (!result.IsSuccess)
        {
            errors.Show(result.Error);
            form = new CreateClientCommand();
            return;
        }

        var client = result.Value;
        version = client.Version;
        form = new UpdateClientCommand
        {
            ClientId = client.Id,
            Name = client.Name,
            Npwp = client.Npwp,
            Nitku = client.Nitku,
            Kpp = client.Kpp,
            PkpSince = client.PkpSince,
            Channel = client.Channel,
            CertificateIssuedOn = client.CertificateIssuedOn,
            CertificateExpiresOn = client.CertificateExpiresOnEntered,
            CoretaxExpiresOn = client.CoretaxExpiresOn,
            PassphraseCustodian = client.PassphraseCustodian,
            Officers = client.Officers.Select(officer => new OfficerInput { Name = officer.Name, Position = officer.Position }).ToList(),
        };
    }

    private static string OfficerField(int index) => $"Officers[{index}].Name";

    private async Task SaveAsync()
    {
        Guid? saved = null;
        if (form is UpdateClientCommand update)
        {
            update.ExpectedVersion = version;
            if ((await SendAsync(update, errors)).IsSuccess)
            {
                saved = update.ClientId;
            }
        }
        else if (await SendAsync((CreateClientCommand)form!, errors) is { IsSuccess: true } created)
        {
            saved = created.Value;
        }

        if (saved is { } id)
        {
            Navigation.NavigateTo($"/clients/{id}");
        }
    }
}
