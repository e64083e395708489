using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class ApiKeys
{
    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private IReadOnlyList<ApiKeySummary>? keys;
    private bool creating;
    private CreateApiKeyCommand command = new();
    private readonly FormErrors errors = new();
    private ApiKeyCreated? created;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new ListApiKeysQuery());
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            keys = [];
            return;
        }

        keys = result.Value;
    }

    private void StartCreate()
    {
        command = new CreateApiKeyCommand();
        errors.Clear();
        created = null;
        creating = true;
    }

    private async Task CreateAsync()
    {
        var result = await SendAsync(command, errors);
        if (!result.IsSuccess)
        {
            return;
        }

        created = result.Value;
        creating = false;
        await LoadAsync();
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", created!.Key);
            Snackbar.Add(L["ApiKeys.Copied"], Severity.Success);
        }
        catch (JSException)
        {
            // Browsers allow the clipboard only over HTTPS or on localhost.
            Snackbar.Add(L["ApiKeys.CopyFailed"], Severity.Info);
        }
    }

    private async Task RevokeAsync(ApiKeySummary key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["ApiKeys.RevokeTitle"], L["ApiKeys.RevokeConfirm", key.Name],
            yesText: L["ApiKeys.Revoke"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var result = await Sender.Send(new RevokeApiKeyCommand { Id = key.Id });
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        Snackbar.Add(L["ApiKeys.RevokedDone", key.Name], Severity.Success);
        await LoadAsync();
    }

    private static string Wib(DateTimeOffset instant) => MsmHelpdesk.Domain.Time.Wib.Format(instant, CultureInfo.CurrentCulture);
}
