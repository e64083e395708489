namespace MsmHelpdesk.Web.Components.Layout;

/// <summary>
/// Per circuit (scoped): the notifications page raises it after marking something read, so the bell in the
/// same tab updates at once instead of at its next poll. Never shared between users.
/// </summary>
public sealed class NotificationSignal
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
