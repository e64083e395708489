using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.Notifications;

/// <summary>
/// Records notices as rows (the bell) and, when SMTP is configured, marks them pending for the mail-delivery
/// job: recorded first, delivered after. The unique (user, key) index makes a repeated notice a no-op even
/// when two senders race.
/// </summary>
public sealed class DatabaseNotifier(IDbContextFactory<HelpdeskDbContext> databases, IMailTransport mail, TimeProvider clock) : INotifier
{
    public async Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, Notice notice, CancellationToken cancellationToken)
    {
        var recipients = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (recipients.Length == 0)
        {
            return 0;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var already = await db.Notifications.Where(n => n.Key == notice.Key && recipients.Contains(n.UserId))
            .Select(n => n.UserId).ToListAsync(cancellationToken);
        var demo = "%@" + DemoUsers.EmailDomain;
        var existing = await db.Users.Where(u => recipients.Contains(u.Id) && !EF.Functions.Like(u.Email!, demo)).Select(u => u.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var userId in existing.Except(already, StringComparer.Ordinal))
        {
            // One row per save: a row another sender inserted meanwhile fails alone and is simply not new.
            var notification = Notification.Create(userId, notice.Kind, notice.Key, notice.Title, notice.Body, notice.Link, mail.IsConfigured, now);
            db.Notifications.Add(notification);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                db.Entry(notification).State = EntityState.Detached;
            }
        }

        return added;
    }

    public void Stage(Application.Common.Persistence.IAppDbContext db, IReadOnlyCollection<string> userIds, Notice notice)
    {
        var now = clock.GetUtcNow();
        var recipients = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray();

        // Demo consultants (seed-demo --append) hear nothing; Stage is synchronous, so this small lookup is too.
        var demo = "%@" + DemoUsers.EmailDomain;
        var quiet = recipients.Length == 0 ? [] : db.Staff.Where(s => recipients.Contains(s.Id) && EF.Functions.Like(s.Email, demo)).Select(s => s.Id).ToList();
        foreach (var userId in recipients.Except(quiet, StringComparer.Ordinal))
        {
            db.Notifications.Add(Notification.Create(userId, notice.Kind, notice.Key, notice.Title, notice.Body, notice.Link, mail.IsConfigured, now));
        }
    }

    public async Task<IReadOnlyList<string>> ActiveUsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join identityRole in db.Roles on userRole.RoleId equals identityRole.Id
                where identityRole.Name == role && user.IsActive
                orderby user.Id
                select user.Id)
            .ToListAsync(cancellationToken);
    }
}
