using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Web.Components.Pages.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Clients;

public partial class ClientPage
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private ClientView? client;
    private string? loadError;
    private AddClientContactCommand newContact = new();
    private readonly FormErrors contactErrors = new();
    private readonly FormErrors certificateErrors = new();
    private IBrowserFile? certificateFile;
    private string? passphrase;
    private CertificateCheckView? certificateResult;
    private bool checkingCertificate;

    [Parameter]
    public Guid Id { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetClientQuery(Id));
        client = result.IsSuccess ? result.Value : null;
        loadError = result.IsSuccess ? null : result.Error.Message;
    }

    private async Task<MsmHelpdesk.Application.Common.PagedList<TicketRow>?> LoadTicketsAsync(TicketGrid.Request request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ListTicketsQuery
        {
            Queue = TicketQueue.All,
            ClientId = Id,
            Page = request.Page,
            PageSize = request.PageSize,
            SortBy = request.SortBy,
            Descending = request.Descending,
        }, cancellationToken);
        return result.IsSuccess ? result.Value : null;
    }

    private async Task AddContactAsync()
    {
        newContact.ClientId = Id;
        var result = await Sender.Send(newContact);
        if (!result.IsSuccess)
        {
            contactErrors.Show(result.Error);
            return;
        }

        contactErrors.Clear();
        newContact = new AddClientContactCommand();
        await LoadAsync();
    }

    private async Task RemoveContactAsync(Guid contactId)
    {
        var result = await Sender.Send(new RemoveClientContactCommand { ClientId = Id, ContactId = contactId });
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
        }

        await LoadAsync();
    }

    private void ChooseCertificate(InputFileChangeEventArgs args)
    {
        certificateFile = args.File;
        certificateResult = null;
        certificateErrors.Clear();
    }

    /// <summary>
    /// The file is read from the browser only for the check and its bytes are wiped right after; the
    /// passphrase field is emptied after every check, whatever the outcome.
    /// </summary>
    private async Task CheckCertificateAsync()
    {
        checkingCertificate = true;
        byte[] content = [];
        try
        {
            if (certificateFile is { Size: > CheckCertificateCommand.MaxBytes })
            {
                certificateResult = null;
                certificateErrors.Show(MsmHelpdesk.Application.Common.Results.Error.Validation(nameof(CheckCertificateCommand.Content),
                    MsmHelpdesk.Application.AppText.CertificateFileTooLarge(CheckCertificateCommand.MaxBytes / 1024)));
                return;
            }

            if (certificateFile is not null)
            {
                content = new byte[certificateFile.Size];
                await using var stream = certificateFile.OpenReadStream(CheckCertificateCommand.MaxBytes);
                await stream.ReadExactlyAsync(content);
            }

            var result = await Sender.Send(new CheckCertificateCommand
            {
                ClientId = Id,
                FileName = certificateFile?.Name ?? "",
                Content = content,
                Passphrase = passphrase ?? "",
            });
            if (!result.IsSuccess)
            {
                certificateResult = null;
                certificateErrors.Show(result.Error);
                return;
            }

            certificateErrors.Clear();
            certificateResult = result.Value;
            await LoadAsync();
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(content);
            passphrase = null;
            checkingCertificate = false;
        }
    }

    private static Severity SeverityOf(MsmHelpdesk.Domain.Clients.CertificateCheckOutcome outcome) => outcome switch
    {
        MsmHelpdesk.Domain.Clients.CertificateCheckOutcome.Valid => Severity.Success,
        _ => Severity.Error,
    };

    private static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "–";
}
