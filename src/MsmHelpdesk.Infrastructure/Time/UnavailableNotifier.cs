using MsmHelpdesk.Application.Common.Notifications;

namespace MsmHelpdesk.Infrastructure.Time;

/// <summary>
/// Stands in until the real notifier (in-app notices and e-mail) is registered, which replaces it. It refuses
/// rather than pretending: a job that must notify fails before recording anything as done, and is retried.
/// </summary>
public sealed class UnavailableNotifier : INotifier
{
    public Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No notifier is registered yet.");

    public Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No notifier is registered yet.");
}
