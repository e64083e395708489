using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// Stands in for the notify helper's INotifier until it is merged: keeps every call (so a test can see a
/// double send) and, like the contract, counts a key as new only once per user. Active users of a role are
/// read from the real Identity tables of the database it is attached to.
/// </summary>
public sealed class TestNotifier : INotifier
{
    private readonly ConcurrentDictionary<(string User, string Key), bool> _seen = new();

    public ConcurrentQueue<(string UserId, Notice Notice)> Calls { get; } = new();

    public Func<IServiceProvider>? Services { get; set; }

    /// <summary>When set, thrown after this many recipients have been recorded (a crash mid-run).</summary>
    public int? FailAfter { get; set; }

    public Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var user in userIds)
        {
            if (FailAfter is { } limit && Calls.Count >= limit)
            {
                throw new InvalidOperationException("simulated crash");
            }

            Calls.Enqueue((user, notice));
            if (_seen.TryAdd((user, notice.Key), true))
            {
                added++;
            }
        }

        return Task.FromResult(added);
    }

    public IReadOnlyCollection<(string User, string Key)> Delivered => _seen.Keys.ToArray();

    public async Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        var services = Services?.Invoke() ?? throw new InvalidOperationException("TestNotifier not attached to an app.");
        var factory = (IDbContextFactory<HelpdeskDbContext>)services.GetService(typeof(IDbContextFactory<HelpdeskDbContext>))!;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var normalized = role.ToUpperInvariant();
        return await (from user in db.Users
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join r in db.Roles on userRole.RoleId equals r.Id
                      where r.NormalizedName == normalized && user.IsActive
                      select user.Id).ToListAsync(cancellationToken);
    }
}
