using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketAttachments
{
    private string? error;

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    /// <summary>Raised after a file was added, so the page reloads the ticket.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private async Task UploadAsync(InputFileChangeEventArgs args)
    {
        error = null;
        var file = args.File;
        if (file.Size > Attachment.MaxBytes)
        {
            error = MsmHelpdesk.Application.AppText.AttachmentTooLarge(Attachment.MaxBytes / 1024 / 1024);
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(Attachment.MaxBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        // The refusal belongs next to the file input, not in the snackbar.
        var result = await Sender.Send(new AddAttachmentCommand { TicketId = View.Id, FileName = file.Name, Content = buffer.ToArray() });
        if (!result.IsSuccess)
        {
            error = result.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? result.Error.Message;
            return;
        }

        Snackbar.Add(L["Ticket.AttachmentAdded", file.Name], Severity.Success);
        await OnChanged.InvokeAsync();
    }
}
