using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Features.Certificates;
using MsmHelpdesk.Application.Features.Sla;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.DemoData;

public sealed partial class DemoDataSeederTests
{
    [Fact]
    public async Task ShouldAppendToOwnDemoClientsAndDemoConsultantsOnlyAndNotifyNobody()
    {
        await using var app = await TestApp.StartAsync();
        var adminId = (await app.Identity.CreateFirstAdminAsync(new NewUser("mira@msm.co.id", "Mira", "Rahasia12345", [Roles.Admin, Roles.Manager]), CancellationToken.None)).Value;
        var budi = await Seed.ConsultantAsync(app);
        var realClient = await Seed.ClientAsync(app, budi);
        var realTicket = await Seed.TicketAsync(app, budi, realClient);
        string[] realUsers = [adminId, budi.UserId!];

        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 12, Tickets: 600, Seed: 3, Append: true));

        var seeded = await app.QueryDbAsync(db => db.Tickets.AsNoTracking().Where(t => t.Id != realTicket.Id)
            .Select(t => new { t.ClientId, t.AssigneeId, t.CreatedById }).ToListAsync());
        Assert.Equal(600, seeded.Count);
        Assert.DoesNotContain(seeded, t => t.ClientId == realClient);
        Assert.DoesNotContain(seeded, t => realUsers.Contains(t.AssigneeId) || realUsers.Contains(t.CreatedById));
        var actors = await app.QueryDbAsync(db => db.TimelineEntries.Where(e => e.TicketId != realTicket.Id).Select(e => e.ActorId).Distinct().ToListAsync());
        Assert.DoesNotContain(actors, realUsers.Contains);
        var visitAssignees = await app.QueryDbAsync(db => db.KppVisits.Select(v => v.AssigneeId).Distinct().ToListAsync());
        Assert.DoesNotContain(visitAssignees, realUsers.Contains);

        // Four demo consultants, in the Consultant role only, under the reserved domain, with no password.
        var demo = await app.QueryDbAsync(db => db.Users.Where(u => !realUsers.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PasswordHash, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
            .ToListAsync());
        Assert.Equal(DemoDataSeeder.DemoConsultants, demo.Count);
        Assert.All(demo, user =>
        {
            Assert.True(DemoUsers.IsDemoEmail(user.Email), user.Email);
            Assert.Null(user.PasswordHash);
            Assert.Equal([Roles.Consultant], user.Roles);
        });
        Assert.Contains(seeded, t => t.AssigneeId is not null);
        Assert.All(seeded.Where(t => t.AssigneeId is not null), t => Assert.Contains(t.AssigneeId, demo.Select(u => u.Id)));
        Assert.Equal(13, await app.QueryDbAsync(db => db.Clients.CountAsync()));

        // Neither the seed nor the jobs that read its history (SLA, visits, waiting on client, certificates) ring a bell.
        var operatorUser = TestCurrentUser.With("job-operator", Roles.Admin, Roles.Manager, Roles.Consultant);
        Assert.True((await app.SendAsync(operatorUser, new EscalateSlaCommand())).IsSuccess);
        Assert.True((await app.SendAsync(operatorUser, new SendKppVisitRemindersCommand())).IsSuccess);
        Assert.True((await app.SendAsync(operatorUser, new RunWaitingOnClientCommand())).IsSuccess);
        Assert.True((await app.SendAsync(operatorUser, new ScanCertificateExpiryCommand())).IsSuccess);
        var bells = await app.QueryDbAsync(db => db.Notifications.Select(n => n.UserId + " " + n.Kind + " " + n.Title).ToListAsync());
        Assert.Empty(bells);

        // A second append adds new demo people rather than reusing the first run's.
        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 2, Tickets: 20, Seed: 4, Append: true));
        Assert.Equal(realUsers.Length + (2 * DemoDataSeeder.DemoConsultants), await app.QueryDbAsync(db => db.Users.CountAsync()));

        // The open tickets' search index holds the real ticket (its trigger) and both appends' open tickets (filled after
        // each bulk insert), each once.
        await OpenTicketIndex.AssertHoldsExactlyTheOpenTicketsAsync(app);
    }

    [Fact]
    public async Task ShouldStillNotifyARealConsultantAboutARealTicket()
    {
        // The demo filter is by address: a real user next to the demo ones still hears about real work.
        await using var app = await TestApp.StartAsync();
        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 3, Tickets: 30, Seed: 5, Append: true));
        var budi = await Seed.ConsultantAsync(app);
        var notifier = app.Services.GetRequiredService<MsmHelpdesk.Application.Common.Notifications.INotifier>();
        var demoId = await app.QueryDbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@" + DemoUsers.EmailDomain)).Select(u => u.Id).FirstAsync());

        var added = await notifier.NotifyAsync([budi.UserId!, demoId], new MsmHelpdesk.Application.Common.Notifications.Notice { Kind = "test", Key = "test:1", Title = "Judul", Body = "Isi" }, CancellationToken.None);

        Assert.Equal(1, added);
        Assert.Equal([budi.UserId!], await app.QueryDbAsync(db => db.Notifications.Select(n => n.UserId).ToListAsync()));
    }
}
