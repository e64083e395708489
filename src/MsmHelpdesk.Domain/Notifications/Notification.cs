namespace MsmHelpdesk.Domain.Notifications;

/// <summary>Whether a notification still has to go out by e-mail. Kept for operators; never shown to users.</summary>
public enum MailState
{
    /// <summary>Not mailed: SMTP is not configured, or the user has no address.</summary>
    None,
    Pending,
    Sent,

    /// <summary>Given up after <see cref="Notification.MaxMailAttempts"/> attempts; the last error says why.</summary>
    Failed,
}

/// <summary>
/// Something one user must hear about, shown by the bell and optionally e-mailed. The key is unique per user,
/// so the same event told twice (a job run twice, retried, or run concurrently) is recorded once.
/// </summary>
public sealed class Notification
{
    public const int MaxMailAttempts = 8;

    private Notification()
    {
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string Key { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>App-relative only ("/tickets/…"); anything else is dropped when the notification is created.</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public MailState MailState { get; private set; }

    public int MailAttempts { get; private set; }

    /// <summary>When a pending mail may be tried (again): now at first, later after each failure (backoff).</summary>
    public DateTimeOffset? MailNextAttemptAt { get; private set; }

    public DateTimeOffset? MailSentAt { get; private set; }

    /// <summary>The SMTP error of the last failed attempt, for operators.</summary>
    public string? MailLastError { get; private set; }

    public static Notification Create(string userId, string kind, string key, string title, string body, string? link, bool mail, DateTimeOffset now) => new()
    {
        UserId = userId,
        Kind = kind,
        Key = key,
        Title = title,
        Body = body,
        Link = AppLinks.IsAppRelative(link) ? link : null,
        CreatedAt = now,
        MailState = mail ? MailState.Pending : MailState.None,
        MailNextAttemptAt = mail ? now : null,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MailDelivered(DateTimeOffset now)
    {
        MailAttempts++;
        MailState = MailState.Sent;
        MailSentAt = now;
        MailNextAttemptAt = null;
        MailLastError = null;
    }

    /// <summary>Schedules the next attempt after 1, 2, 4 … minutes (at most an hour), or gives up after the last one.</summary>
    public void MailFailed(string error, DateTimeOffset now)
    {
        MailAttempts++;
        MailLastError = error.Length > 1000 ? error[..1000] : error;
        if (MailAttempts >= MaxMailAttempts)
        {
            MailState = MailState.Failed;
            MailNextAttemptAt = null;
            return;
        }

        MailNextAttemptAt = now + BackoffAfter(MailAttempts);
    }

    public static TimeSpan BackoffAfter(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
}

/// <summary>Links the helpdesk renders: only its own paths, so a "javascript:" or foreign URL can never become a link.</summary>
public static class AppLinks
{
    public static bool IsAppRelative(string? link) =>
        !string.IsNullOrEmpty(link)
        && link.Length <= 300
        && link[0] == '/'
        && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'))
        && !link.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
}
