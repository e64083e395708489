using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// A helpdesk on a controlled clock (Thursday 26 Nov 2026, 09:00 WIB) with Budi (consultant), Maya (manager),
/// a client whose certificate expired and who has two officers, and an ETAX-40002 ticket about it.
/// </summary>
public sealed class WorkFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private WorkFixture(TestApp app, FakeTimeProvider clock, TestNotifier notifier)
    {
        App = app;
        Clock = clock;
        Notifier = notifier;
    }

    public TestApp App { get; }

    public FakeTimeProvider Clock { get; }

    public TestNotifier Notifier { get; }

    public UserIdentity Budi { get; private set; } = UserIdentity.Anonymous;

    public UserIdentity Maya { get; private set; } = UserIdentity.Anonymous;

    public Guid ClientId { get; private set; }

    public Guid TicketId { get; private set; }

    public string TicketNumber { get; private set; } = "";

    public static async Task<WorkFixture> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var notifier = new TestNotifier();
        var app = await TestApp.StartAsync(clock: clock, notifier: notifier);
        var fixture = new WorkFixture(app, clock, notifier);
        fixture.Budi = await Seed.ConsultantAsync(app);
        var mayaId = (await app.Identity.CreateUserAsync(new NewUser("maya@msm.co.id", "Maya", "Manajer2026x", [Roles.Manager]), CancellationToken.None)).Value;
        fixture.Maya = new UserIdentity(mayaId, "Maya", new HashSet<string> { Roles.Manager });
        fixture.ClientId = (await app.SendAsync(fixture.Budi, new CreateClientCommand
        {
            Name = "PT Maju Jaya",
            Npwp = Seed.ValidNpwp,
            Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            CertificateIssuedOn = new DateOnly(2024, 3, 1),
            Officers = [new OfficerInput { Name = "Hendra Wijaya", Position = "Direktur Utama" }, new OfficerInput { Name = "Sari Dewi", Position = "Direktur" }],
        })).Value;
        var ticket = await Seed.TicketAsync(app, fixture.Budi, fixture.ClientId, "ETAX-40002: Error di Service waktu upload, sertifikat sudah lebih dari 2 tahun");
        fixture.TicketId = ticket.Id;
        fixture.TicketNumber = ticket.Number;
        await app.SendAsync(fixture.Budi, new AssignTicketCommand { TicketId = ticket.Id, AssigneeId = fixture.Budi.UserId });
        return fixture;
    }

    public Task<MsmHelpdesk.Application.Common.Results.Result> ConfirmAsync(string cause, Guid? ticketId = null) =>
        App.SendAsync(Budi, new ConfirmDiagnosisCommand { TicketId = ticketId ?? TicketId, Scenario = "upload", Cause = cause });

    public async Task<TicketWork> WorkAsync(Guid? ticketId = null) =>
        (await App.SendAsync(Budi, new GetTicketWorkQuery { TicketId = ticketId ?? TicketId })).Value;

    public Task<List<TimelineEntry>> TimelineAsync(params TimelineKind[] kinds) =>
        App.QueryDbAsync(db => db.TimelineEntries.Where(e => e.TicketId == TicketId && kinds.Contains(e.Kind)).OrderBy(e => e.Id).ToListAsync());

    public async Task MoveToInProgressAsync()
    {
        await App.SendAsync(Budi, new ChangeTicketStatusCommand { TicketId = TicketId, To = TicketStatus.Triaged });
        await App.SendAsync(Budi, new ChangeTicketStatusCommand { TicketId = TicketId, To = TicketStatus.InProgress });
    }

    /// <summary>A KPP visit for the fixture's ticket: Friday 27 Nov 2026 09:30 with the request form and the deed.</summary>
    public static ScheduleKppVisitCommand Visit(WorkFixture work, DateOnly? date = null, string officer = "Hendra Wijaya") => new()
    {
        TicketId = work.TicketId,
        Date = date ?? new DateOnly(2026, 11, 27),
        Time = new TimeOnly(9, 30),
        OfficerName = officer,
        Documents = KppDocuments.RequestForm | KppDocuments.CompanyDeed,
    };

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
