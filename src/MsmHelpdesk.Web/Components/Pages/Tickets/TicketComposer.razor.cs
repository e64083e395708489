using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Firm;
using MsmHelpdesk.Application.Features.Replies;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MsmHelpdesk.Web.Resources;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

/// <summary>What the composer writes.</summary>
public enum ComposerTab
{
    Note,
    Reply,
    WhatsApp,
    Client,
}

public partial class TicketComposer
{
    private static readonly ComposerTab[] Tabs = Enum.GetValues<ComposerTab>();

    /// <summary>Every message the composer sends names its text "Text".</summary>
    private const string TextField = nameof(AddTicketNoteCommand.Text);

    private readonly FormErrors errors = new();
    private ComposerTab active = ComposerTab.Note;
    private IReadOnlyList<CannedReplyItem> replies = [];
    private Guid? cannedId;
    private bool english;
    private string? text;
    private bool secret;
    private string? myName;
    private string firmName = "";

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Parameter, EditorRequired]
    public TicketView View { get; set; } = null!;

    /// <summary>Raised after something was written to the ticket, so the page reloads it.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private CannedReplyChannel? CannedChannel => active switch
    {
        ComposerTab.Note => CannedReplyChannel.Note,
        ComposerTab.Reply => CannedReplyChannel.Reply,
        ComposerTab.WhatsApp => CannedReplyChannel.WhatsApp,
        _ => null,
    };

    // The note and client-reply ids are the ones the page has always had (tests and habits rely on them).
    private string TextId => active switch
    {
        ComposerTab.Note => "note-text",
        ComposerTab.Client => "client-reply-text",
        ComposerTab.Reply => "reply-text",
        _ => "whatsapp-text",
    };

    private string SendId => active switch
    {
        ComposerTab.Note => "add-note",
        ComposerTab.Client => "record-client-reply",
        ComposerTab.Reply => "send-reply",
        _ => "send-whatsapp",
    };

    private string SendIcon => active switch
    {
        ComposerTab.WhatsApp => Icons.Custom.Brands.WhatsApp,
        ComposerTab.Client => Icons.Material.Filled.Reply,
        ComposerTab.Reply => Icons.Material.Filled.Send,
        _ => Icons.Material.Filled.StickyNote2,
    };

    private IReadOnlyList<string> SecretFields => secret ? [L[$"Workspace.Label.{active}"].Value] : [];

    protected override async Task OnInitializedAsync()
    {
        firmName = await Sender.Send(new GetFirmNameQuery()) is { IsSuccess: true } firm ? firm.Value.Name : "";
        if (Authentication is not null)
        {
            myName = (await Authentication).User.FindFirst(HelpdeskClaimTypes.DisplayName)?.Value;
        }

        // A ticket waiting on the client is opened to log the client's answer (or follow them up), as the page always offered.
        if (View.Status == TicketStatus.WaitingOnClient)
        {
            active = ComposerTab.Client;
        }

        await LoadRepliesAsync();
    }

    private async Task SwitchAsync(ComposerTab tab)
    {
        active = tab;
        cannedId = null;
        secret = false;
        errors.Clear();
        await LoadRepliesAsync();
    }

    private async Task LoadRepliesAsync()
    {
        if (CannedChannel is not { } channel)
        {
            replies = [];
            return;
        }

        var result = await Sender.Send(new ListCannedRepliesQuery { Channel = channel });
        replies = result.IsSuccess ? result.Value : [];
    }

    private void Pick(Guid? id)
    {
        cannedId = id;
        Fill();
    }

    private void EnglishChanged(bool value)
    {
        english = value;
        Fill();
    }

    /// <summary>Puts the chosen reply, with this ticket's fields, in the box; it stays editable.</summary>
    private void Fill()
    {
        if (replies.FirstOrDefault(r => r.Id == cannedId) is not { } reply)
        {
            return;
        }

        var template = english && reply.TextEnglish is not null ? reply.TextEnglish : reply.TextIndonesian;
        var cause = View.Confirmed?.Cause ?? View.Suggested?.Cause;
        text = CannedReply.Render(template, new Dictionary<string, string?>
        {
            ["client"] = View.ClientName,
            ["ticketNumber"] = View.Number,
            ["consultant"] = View.AssigneeName ?? myName,
            ["cause"] = cause is null or "unknown" ? null : L[$"Cause.{cause}"].Value,
            ["contact"] = View.ContactName,
            ["status"] = L[$"Status.{View.Status}"].Value,
        });
    }

    private void Redact()
    {
        text = text is null ? null : SecretGuard.Redact(text);
        secret = false;
    }

    private async Task SendAsync()
    {
        // Offer the one-click redaction first; the pipeline refuses whatever slips through anyway.
        secret = SecretGuard.ContainsSecret(text);
        if (secret)
        {
            return;
        }

        var written = text ?? "";
        var result = active switch
        {
            ComposerTab.Note => await SendAsync(new AddTicketNoteCommand { TicketId = View.Id, Text = written }, errors),
            ComposerTab.Reply => await SendAsync(new SendTicketReplyCommand { TicketId = View.Id, Channel = ReplyChannel.Email, Text = written }, errors),
            ComposerTab.WhatsApp => await SendAsync(new SendTicketReplyCommand { TicketId = View.Id, Channel = ReplyChannel.WhatsApp, Text = written }, errors),
            _ => await RecordClientMessageAsync(written),
        };
        if (!result.IsSuccess)
        {
            return;
        }

        // Sent from the consultant's own WhatsApp or mail program: the helpdesk opens it with the text ready.
        if (active == ComposerTab.WhatsApp && View.ContactPhone is { } phone)
        {
            await Js.InvokeVoidAsync("open", PhoneNumber.WhatsAppLink(phone, written), "_blank", "noopener");
        }
        else if (active == ComposerTab.Reply && View.ContactEmail is { } email)
        {
            await Js.InvokeVoidAsync("open", $"mailto:{Uri.EscapeDataString(email)}?subject={Uri.EscapeDataString(View.Number)}&body={Uri.EscapeDataString(written)}", "_blank", "noopener");
        }

        text = null;
        cannedId = null;
        await OnChanged.InvokeAsync();
    }

    private async Task<Result> RecordClientMessageAsync(string written)
    {
        var result = await SendAsync(new RecordClientMessageCommand { TicketId = View.Id, Text = written }, errors);
        if (result.IsSuccess)
        {
            Snackbar.Add(L["ClientReply.Recorded", L[$"Status.{result.Value}"]], Severity.Success);
        }

        return result;
    }

    private string FollowUpLink(string phone) =>
        PhoneNumber.WhatsAppLink(phone, UiTextIndonesian.Format("WhatsApp.FollowUpMessage", View.ContactName ?? "", View.Number, View.ClientName, firmName));
}
