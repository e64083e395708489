using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Infrastructure.Notifications;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// The app's real database notifier with a recorder in front: keeps every call (so a test can see a double
/// send) and can fail part-way through a run, like a process that dies between two recipients.
/// </summary>
public sealed class TestNotifier : INotifier
{
    private readonly ConcurrentDictionary<(string User, string Key), Notice> _seen = new();
    private INotifier? _inner;

    public ConcurrentQueue<(string UserId, Notice Notice)> Calls { get; } = new();

    /// <summary>When set, thrown after this many recipients have been recorded (a crash mid-run).</summary>
    public int? FailAfter { get; set; }

    public IReadOnlyCollection<(string User, string Key)> Delivered => _seen.Keys.ToArray();

    /// <summary>Each notice once per user and key, as the contract says it is recorded.</summary>
    public IReadOnlyList<(string User, Notice Notice)> Sent => _seen.Select(pair => (pair.Key.User, pair.Value)).ToArray();

    /// <summary>Passes notices on to the real notifier of the app being started (again after a restart).</summary>
    public void AttachTo(IServiceProvider services) => _inner = ActivatorUtilities.CreateInstance<DatabaseNotifier>(services);

    public async Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken)
    {
        var inner = _inner ?? throw new InvalidOperationException("TestNotifier is not attached to an app.");
        var added = 0;
        foreach (var user in userIds)
        {
            if (FailAfter is { } limit && Calls.Count >= limit)
            {
                throw new InvalidOperationException("simulated crash");
            }

            Calls.Enqueue((user, notice));
            _seen.TryAdd((user, notice.Key), notice);
            added += await inner.NotifyAsync([user], notice, cancellationToken);
        }

        return added;
    }

    public void Stage(IAppDbContext db, IReadOnlyCollection<string> userIds, Notice notice)
    {
        foreach (var user in userIds)
        {
            Calls.Enqueue((user, notice));
            _seen.TryAdd((user, notice.Key), notice);
        }

        (_inner ?? throw new InvalidOperationException("TestNotifier is not attached to an app.")).Stage(db, userIds, notice);
    }

    public Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken) =>
        (_inner ?? throw new InvalidOperationException("TestNotifier is not attached to an app.")).ActiveUsersInRoleAsync(role, cancellationToken);
}
