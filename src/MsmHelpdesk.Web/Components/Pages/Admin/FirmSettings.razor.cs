using MsmHelpdesk.Application.Features.Firm;
using MsmHelpdesk.Web.Components.Shared;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Admin;

public partial class FirmSettings
{
    private readonly FormErrors errors = new();
    private UpdateFirmNameCommand form = new();
    private bool loaded;

    protected override async Task OnInitializedAsync()
    {
        var current = await Sender.Send(new GetFirmNameQuery());
        if (current.IsSuccess)
        {
            form = new UpdateFirmNameCommand { Name = current.Value.Name, ShortName = current.Value.ShortName };
            loaded = true;
        }
    }

    private async Task SaveAsync()
    {
        if ((await SendAsync(form, errors)).IsSuccess)
        {
            Snackbar.Add(L["Firm.Saved"], Severity.Success);
        }
    }
}
