using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Identity;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>
/// The consultants an appending demo seed creates to hold its tickets, so real users keep their own workload. Their
/// addresses are under the reserved domain <see cref="EmailDomain"/> (which can receive nothing), they have no password
/// (nobody signs in as them) and the notifier never rings their bell.
/// </summary>
public static class DemoUsers
{
    public const string EmailDomain = "demo.invalid";

    private static readonly string[] Names = ["Dewi Lestari (demo)", "Eko Prasetyo (demo)", "Fitri Handayani (demo)", "Gilang Saputra (demo)", "Hana Wijaya (demo)", "Irfan Hakim (demo)"];

    public static bool IsDemoEmail(string? email) => email?.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase) == true;

    public static async Task<Actor[]> CreateConsultantsAsync(HelpdeskDbContext db, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(role => role.Name == Roles.Consultant).Select(role => role.Id).SingleAsync(cancellationToken);
        var taken = await db.Users.Where(user => user.Email!.EndsWith("@" + EmailDomain)).CountAsync(cancellationToken);
        var created = new List<Actor>();
        for (var i = 0; i < count; i++)
        {
            // Numbered on from earlier runs, so a second append adds new people rather than colliding.
            var number = taken + i + 1;
            var email = $"konsultan{number}@{EmailDomain}";
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = number <= Names.Length ? Names[number - 1] : $"Konsultan demo {number}",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            created.Add(new Actor(user.Id, user.DisplayName));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return [.. created.OrderBy(actor => actor.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Records every open ticket created by <paramref name="creatorIds"/> as already escalated on both SLA clocks, the
    /// escalation job's own "done" record, so the seeded history does not page the managers. Returns the tickets marked.
    /// </summary>
    public static async Task<int> MarkEscalatedAsync(HelpdeskDbContext db, IReadOnlyCollection<string> creatorIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = TicketWorkflow.Open.ToArray();
        var ids = await db.Tickets.AsNoTracking()
            .Where(t => creatorIds.Contains(t.CreatedById) && open.Contains(t.Status))
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(2_000))
        {
            foreach (var id in chunk)
            {
                foreach (var clock in new[] { SlaClock.FirstResponse, SlaClock.Resolution })
                {
                    db.SlaEscalations.Add(SlaEscalation.Record(id, clock, SlaState.AtRisk, 0, now));
                    db.SlaEscalations.Add(SlaEscalation.Record(id, clock, SlaState.Breached, 0, now));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }
}
