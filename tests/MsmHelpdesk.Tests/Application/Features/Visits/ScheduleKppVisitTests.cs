using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.WorkFixture;

namespace MsmHelpdesk.Tests.Application.Features.Visits;

public sealed class ScheduleKppVisitTests
{
    public ScheduleKppVisitTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldStoreTheWibTimeAsUtcAtTheClientsKppWithTheConsultantOfTheTicket()
    {
        await using var work = await WorkFixture.StartAsync();

        var id = (await work.App.SendAsync(work.Budi, Visit(work))).Value;

        var visit = Assert.Single((await work.WorkAsync()).Visits);
        Assert.Equal(id, visit.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero), visit.At);
        Assert.Equal(("KPP Pratama Jakarta Setiabudi Satu", "Hendra Wijaya", "Budi", KppVisitOutcome.Scheduled), (visit.Kpp, visit.OfficerName, visit.AssigneeName, visit.Outcome));
        Assert.Equal(KppDocuments.OfficerKtp | KppDocuments.OfficerNpwp | KppDocuments.SelfieWithKtp | KppDocuments.NewPassphraseChosen, visit.Missing);
        var entry = Assert.Single(await work.TimelineAsync(TimelineKind.VisitScheduled));
        Assert.Equal(("KPP Pratama Jakarta Setiabudi Satu", "Hendra Wijaya"), (entry.Text, entry.OldValue));
    }

    [Fact]
    public async Task ShouldRefuseAVisitOnAWeekendOrAHolidayWhenTheKppIsClosed()
    {
        await using var work = await WorkFixture.StartAsync();
        Assert.True((await work.App.SendAsync(work.Maya, new MsmHelpdesk.Application.Features.Sla.SaveHolidayCommand { Date = new DateOnly(2026, 12, 1), Name = "Cuti bersama" })).IsSuccess);

        var saturday = await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 28)));
        var holiday = await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 12, 1)));

        Assert.Equal("KPP tutup pada Sabtu, 28 November 2026 (akhir pekan atau hari libur); pilih hari kerja.",
            Assert.Single(saturday.Error!.FieldErrors[nameof(ScheduleKppVisitCommand.Date)]));
        Assert.Contains("Selasa, 1 Desember 2026", Assert.Single(holiday.Error!.FieldErrors[nameof(ScheduleKppVisitCommand.Date)]), StringComparison.Ordinal);
        Assert.Empty((await work.WorkAsync()).Visits);
        Assert.True((await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 30)))).IsSuccess);
    }

    [Fact]
    public async Task ShouldRefuseAnOfficerWhoIsNotAPengurusOfTheClient()
    {
        await using var work = await WorkFixture.StartAsync();

        var refused = await work.App.SendAsync(work.Budi, Visit(work, officer: "Andi (staf pajak)"));

        Assert.False(refused.IsSuccess);
        var message = Assert.Single(refused.Error.FieldErrors[nameof(ScheduleKppVisitCommand.OfficerName)]);
        Assert.Contains("bukan pengurus", message, StringComparison.Ordinal);
        Assert.Contains("tidak bisa dikuasakan", message, StringComparison.Ordinal);
        Assert.Empty((await work.WorkAsync()).Visits);
    }

    [Fact]
    public async Task ShouldSayWhenTheClientHasNoOfficersRecorded()
    {
        await using var work = await WorkFixture.StartAsync();
        var bare = await Seed.ClientAsync(work.App, work.Budi, "PT Tanpa Pengurus", Seed.OtherNpwp);
        var ticket = await Seed.TicketAsync(work.App, work.Budi, bare);

        var refused = await work.App.SendAsync(work.Budi, Visit(work) with { TicketId = ticket.Id });

        Assert.Contains("belum punya data pengurus", Assert.Single(refused.Error!.FieldErrors[nameof(ScheduleKppVisitCommand.OfficerName)]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRefuseAVisitInThePast()
    {
        await using var work = await WorkFixture.StartAsync();

        var refused = await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 25)));

        Assert.True(refused.Error!.FieldErrors.ContainsKey(nameof(ScheduleKppVisitCommand.Date)));
    }

    [Fact]
    public async Task ShouldNeverHaveAPlaceForThePassphraseOnAVisit()
    {
        await using var work = await WorkFixture.StartAsync();

        var secretNote = await work.App.SendAsync(work.Budi, Visit(work) with { Notes = "passphrase baru: Rahasia#2026" });
        var columns = await work.App.QueryDbAsync(db => db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info('KppVisits')").ToListAsync());

        Assert.True(secretNote.Error!.FieldErrors.ContainsKey(nameof(ScheduleKppVisitCommand.Notes)));
        Assert.DoesNotContain(columns, column => column.Contains("Passphrase", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(typeof(ScheduleKppVisitCommand).GetProperties(), p => p.Name.Contains("Passphrase", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ShouldMarkThePlaybookStepThatSchedulesTheVisitDoneWhenAVisitIsScheduled()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");

        await work.App.SendAsync(work.Budi, Visit(work));

        var steps = (await work.WorkAsync()).Steps;
        var done = Assert.Single(steps, s => s.Status == TicketStepStatus.Done);
        Assert.Equal(3, done.Order);
        Assert.StartsWith("Jadwalkan kunjungan", done.Title, StringComparison.Ordinal);
        Assert.Equal("Budi", done.DoneByName);
    }

    [Fact]
    public async Task ShouldRefuseToScheduleAVisitForAResolvedTicket()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.App.SendAsync(work.Budi, new MsmHelpdesk.Application.Features.Tickets.ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Selesai lewat telepon" });

        var refused = await work.App.SendAsync(work.Budi, Visit(work));

        Assert.Contains("tiket yang masih terbuka", Assert.Single(refused.Error!.FieldErrors[nameof(ScheduleKppVisitCommand.Date)]), StringComparison.Ordinal);
        Assert.Empty((await work.WorkAsync()).Visits);
    }
}
