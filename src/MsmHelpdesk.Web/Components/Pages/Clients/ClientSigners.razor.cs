using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Signers;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Clients;

public partial class ClientSigners
{
    private readonly FormErrors signerErrors = new();
    private readonly FormErrors credentialErrors = new();
    private ClientSignersView? view;
    private SaveClientSignerCommand signer = new();
    private SaveSignerCredentialCommand? credential;
    private string credentialHolder = "";

    [Parameter, EditorRequired]
    public Guid ClientId { get; set; }

    private string SignedInValue => view?.CoretaxAccountSignedIn switch { true => "yes", false => "no", _ => "unknown" };

    protected override async Task OnParametersSetAsync()
    {
        signer = new SaveClientSignerCommand { ClientId = ClientId };
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetClientSignersQuery { ClientId = ClientId });
        if (result.IsSuccess)
        {
            view = result.Value;
        }
        else
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
        }
    }

    private async Task SetSignedInAsync(string value)
    {
        bool? signedIn = value switch { "yes" => true, "no" => false, _ => null };
        if ((await SendAsync(new SetCoretaxAccountSignedInCommand { ClientId = ClientId, SignedIn = signedIn })).IsSuccess)
        {
            await LoadAsync();
        }
    }

    private void EditSigner(SignerView existing)
    {
        signerErrors.Clear();
        signer = new SaveClientSignerCommand
        {
            ClientId = ClientId,
            Id = existing.Id,
            Name = existing.Name,
            Role = existing.Role,
            StaffId = existing.StaffId,
            CoretaxRoles = existing.CoretaxRoles,
        };
    }

    private async Task SaveSignerAsync()
    {
        if ((await SendAsync(signer, signerErrors)).IsSuccess)
        {
            signer = new SaveClientSignerCommand { ClientId = ClientId };
            await LoadAsync();
        }
    }

    private async Task RemoveSignerAsync(SignerView existing)
    {
        if ((await SendAsync(new RemoveClientSignerCommand { ClientId = ClientId, Id = existing.Id })).IsSuccess)
        {
            await LoadAsync();
        }
    }

    private void NewCredential(SignerView holder)
    {
        credentialErrors.Clear();
        credentialHolder = holder.Name;
        credential = new SaveSignerCredentialCommand { ClientId = ClientId, SignerId = holder.Id };
    }

    private void EditCredential(SignerView holder, CredentialView existing)
    {
        credentialErrors.Clear();
        credentialHolder = holder.Name;
        credential = new SaveSignerCredentialCommand
        {
            ClientId = ClientId,
            SignerId = holder.Id,
            CredentialId = existing.Id,
            Kind = existing.Kind,
            Provider = existing.Provider,
            IssuedOn = existing.IssuedOn,
            ExpiresOn = existing.ExpiresOn,
        };
    }

    private async Task SaveCredentialAsync()
    {
        if (credential is not null && (await SendAsync(credential, credentialErrors)).IsSuccess)
        {
            credential = null;
            await LoadAsync();
        }
    }

    private async Task RemoveCredentialAsync(SignerView holder, CredentialView existing)
    {
        if ((await SendAsync(new RemoveSignerCredentialCommand { ClientId = ClientId, SignerId = holder.Id, CredentialId = existing.Id })).IsSuccess)
        {
            await LoadAsync();
        }
    }
}
