using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.Notifications;

/// <summary>
/// The stand-in INotifier while no real one is registered (it is added with TryAdd, so the in-app/e-mail notifier
/// replaces it wherever it is registered): it only logs that a notice was due. Escalations stay recorded in
/// their own table either way, so nothing is sent twice once the real notifier takes over.
/// </summary>
public sealed class LogOnlyNotifier(IDbContextFactory<HelpdeskDbContext> databases, ILogger<LogOnlyNotifier> logger) : INotifier
{
    public Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notice {Kind} {Key} for {Recipients} users (no notifier configured)", notice.Kind, notice.Key, userIds.Count);
        return Task.FromResult(userIds.Count);
    }

    public async Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var normalized = role.ToUpperInvariant();
        return await (from user in db.Users
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join r in db.Roles on userRole.RoleId equals r.Id
                      where r.NormalizedName == normalized && user.IsActive
                      select user.Id).ToListAsync(cancellationToken);
    }
}
