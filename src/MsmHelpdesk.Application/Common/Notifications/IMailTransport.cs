namespace MsmHelpdesk.Application.Common.Notifications;

/// <summary>Sends one e-mail through the configured SMTP server; absent configuration means in-app only.</summary>
public interface IMailTransport
{
    /// <summary>False when no SMTP host is configured: notifications are then shown in the app only.</summary>
    bool IsConfigured { get; }

    /// <summary>The helpdesk's public address (e.g. "https://helpdesk.msm.co.id"), to turn app-relative links into mail links; null leaves them relative.</summary>
    string? PublicBaseUrl { get; }

    /// <summary>Sends the mail; throws when the server cannot be reached or refuses it (the caller records the error and retries later).</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Body);

/// <summary>
/// How long a ticket may wait on the client: a reminder to the assignee after <see cref="ReminderDays"/>
/// calendar days, closed for no reply after <see cref="AutoCloseDays"/>.
/// </summary>
public sealed record WaitingOnClientPolicy(int ReminderDays, int AutoCloseDays)
{
    public static WaitingOnClientPolicy Default { get; } = new(3, 7);
}
