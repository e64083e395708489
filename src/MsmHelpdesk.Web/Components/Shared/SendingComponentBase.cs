using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Results;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Shared;

/// <summary>
/// A component that sends messages on the user's behalf: <see cref="Busy"/> while one is on its way, field
/// errors next to the fields of a form, any other refusal in the form's summary or the snackbar.
/// </summary>
public abstract class SendingComponentBase : ComponentBase
{
    [Inject]
    protected ISender Sender { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<SendingComponentBase> Logger { get; set; } = default!;

    /// <summary>True while a message sent by <see cref="SendAsync{TResult}"/> waits for its answer; buttons bind Disabled to it.</summary>
    protected bool Busy { get; private set; }

    /// <summary>
    /// Sends <paramref name="command"/>. A refusal goes to <paramref name="errors"/> when the command has a form
    /// (field messages by their fields, anything else as its summary), otherwise to the snackbar.
    /// </summary>
    protected async Task<TResult> SendAsync<TResult>(ICommand<TResult> command, FormErrors? errors = null)
        where TResult : Result
    {
        Busy = true;
        errors?.Clear();
        TResult result;
        try
        {
            result = await Sender.Send(command);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The pipeline already turns a handler's exception into a result; this catches what fails outside it.
            // The exception's text is for the log only: it may name tables, files or secrets.
            Logger.LogError(exception, "{Message} failed before reaching its handler", command.GetType().Name);
            result = ResultFailure<TResult>.From(Error.Unexpected());
        }
        finally
        {
            Busy = false;
        }

        if (!result.IsSuccess)
        {
            if (errors is null)
            {
                Snackbar.Add(Refusal(result.Error), Severity.Error);
            }
            else
            {
                errors.Show(result.Error);
            }
        }

        return result;
    }

    /// <summary>A refusal in one line: its field messages if it has any, otherwise its message.</summary>
    protected static string Refusal(Error error) =>
        error.FieldErrors.Count > 0 ? string.Join(" ", error.FieldErrors.Values.SelectMany(messages => messages)) : error.Message;
}
