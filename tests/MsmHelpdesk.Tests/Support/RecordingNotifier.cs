using System.Collections.Concurrent;
using MsmHelpdesk.Application.Common.Notifications;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// Test stand-in for the notifier (the real one is the notify branch's): keeps notices in a list and honours the
/// contract that a key is said once per user, so tests see what a job would have sent.
/// </summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentDictionary<(string User, string Key), Notice> _said = new();

    public IReadOnlyList<(string User, Notice Notice)> Sent => _said.Select(pair => (pair.Key.User, pair.Value)).ToArray();

    public Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken) =>
        Task.FromResult(userIds.Count(user => _said.TryAdd((user, notice.Key), notice)));

    public Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
