namespace MsmHelpdesk.Application.Common.Notifications;

/// <summary>
/// Something a user must hear about: an SLA at risk, tomorrow's KPP visit, a certificate about to expire.
/// Title and body are written by the sender in the helpdesk's language at the time of sending.
/// </summary>
public sealed record Notice
{
    /// <summary>Stable kind, e.g. "sla-at-risk", "sla-breached", "kpp-visit-reminder", "certificate-expiring".</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// Said once per recipient: a second notice with the same key to the same user is ignored, so a job that
    /// runs twice (or is retried after a restart) never notifies twice. E.g. "sla-breached:{ticketId}:resolution".
    /// </summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    /// <summary>App-relative link to what the notice is about, e.g. "/tickets/{id}"; null when there is none.</summary>
    public string? Link { get; init; }
}

/// <summary>
/// Records notices in the database (the in-app bell) and queues them for e-mail when SMTP is configured.
/// Recorded first, delivered after: nothing that must be said lives only in memory or in Hangfire.
/// </summary>
public interface INotifier
{
    /// <summary>Records <paramref name="notice"/> for each user that has not had its key yet; returns how many were new.</summary>
    Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="notice"/> for each user to <paramref name="db"/> without saving, so it is recorded in the
    /// caller's own save and transaction, together with what caused it: both or neither. For a key that is new by
    /// construction (the caller's own record already guards the event); a repeated key fails the caller's save.
    /// </summary>
    void Stage(Persistence.IAppDbContext db, IReadOnlyCollection<string> userIds, Notice notice);

    /// <summary>The ids of the active users who hold <paramref name="role"/> (e.g. every Manager, for escalations).</summary>
    Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken);
}
