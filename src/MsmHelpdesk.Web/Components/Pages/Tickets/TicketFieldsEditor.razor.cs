using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Web.Components.Shared;
using MsmHelpdesk.Web.Resources;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public sealed partial class TicketFieldsEditor : IDisposable
{
    private CancellationTokenSource? pause;

    [Parameter, EditorRequired]
    public TicketForm Form { get; set; } = default!;

    [Parameter, EditorRequired]
    public FormErrors Errors { get; set; } = default!;

    /// <summary>Raised when the consultant pauses typing in a text the classifier reads.</summary>
    [Parameter]
    public EventCallback OnTextChanged { get; set; }

    public static IReadOnlyDictionary<MsmHelpdesk.Domain.Classification.EvidenceField, string?> TextsOf(TicketForm form) =>
        new Dictionary<MsmHelpdesk.Domain.Classification.EvidenceField, string?>
        {
            [MsmHelpdesk.Domain.Classification.EvidenceField.ErrorText] = form.ErrorText,
            [MsmHelpdesk.Domain.Classification.EvidenceField.Description] = form.Description,
            [MsmHelpdesk.Domain.Classification.EvidenceField.Activity] = form.Activity,
        };

    /// <summary>
    /// The form's values follow every keystroke (a save right after typing sees them); only the suggestion waits
    /// for a 400 ms pause in typing.
    /// </summary>
    private async Task TextEdited()
    {
        pause?.Cancel();
        pause?.Dispose();
        pause = new CancellationTokenSource();
        var token = pause.Token;
        try
        {
            await Task.Delay(400, token);
        }
        catch (TaskCanceledException)
        {
            return;
        }

        await OnTextChanged.InvokeAsync();
    }

    public void Dispose()
    {
        pause?.Cancel();
        pause?.Dispose();
    }

    /// <summary>Labels of the text fields that look like they hold a passphrase or password.</summary>
    public static IReadOnlyList<string> FieldsWithSecrets(TicketForm form, IStringLocalizer<UiText> text) =>
        new (string Label, string? Value)[]
            {
                (text["Ticket.ErrorText"], form.ErrorText),
                (text["Ticket.Activity"], form.Activity),
                (text["Ticket.SystemVersion"], form.SystemVersion),
                (text["Ticket.Description"], form.Description),
            }
            .Where(field => SecretGuard.ContainsSecret(field.Value))
            .Select(field => field.Label)
            .ToArray();

    public static void RedactSecrets(TicketForm form)
    {
        form.ErrorText = SecretGuard.Redact(form.ErrorText);
        form.Activity = form.Activity is null ? null : SecretGuard.Redact(form.Activity);
        form.SystemVersion = form.SystemVersion is null ? null : SecretGuard.Redact(form.SystemVersion);
        form.Description = form.Description is null ? null : SecretGuard.Redact(form.Description);
    }
}
