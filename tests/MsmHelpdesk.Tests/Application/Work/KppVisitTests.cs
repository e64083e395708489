using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Work;

public sealed class KppVisitTests
{
    public KppVisitTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static ScheduleKppVisitCommand Visit(WorkFixture work, DateOnly? date = null, string officer = "Hendra Wijaya") => new()
    {
        TicketId = work.TicketId,
        Date = date ?? new DateOnly(2026, 11, 27),
        Time = new TimeOnly(9, 30),
        OfficerName = officer,
        Documents = KppDocuments.RequestForm | KppDocuments.CompanyDeed,
    };

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
    public async Task ShouldUpdateTheClientsCertificateDatesWhenTheCertificateIsIssued()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Budi, Visit(work))).Value;
        work.Clock.Advance(TimeSpan.FromDays(1));

        var future = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = id, Outcome = KppVisitOutcome.CertificateIssued, CertificateIssuedOn = new DateOnly(2026, 11, 28) });
        var missing = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = id, Outcome = KppVisitOutcome.CertificateIssued });
        var issued = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = id, Outcome = KppVisitOutcome.CertificateIssued, CertificateIssuedOn = new DateOnly(2026, 11, 27) });
        var again = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = id, Outcome = KppVisitOutcome.Cancelled, Reason = "salah klik" });

        Assert.True(future.Error!.FieldErrors.ContainsKey(nameof(RecordKppVisitOutcomeCommand.CertificateIssuedOn)));
        Assert.True(missing.Error!.FieldErrors.ContainsKey(nameof(RecordKppVisitOutcomeCommand.CertificateIssuedOn)));
        Assert.True(issued.IsSuccess);
        Assert.False(again.IsSuccess);
        var client = (await work.App.SendAsync(work.Budi, new GetClientQuery(work.ClientId))).Value;
        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2028, 11, 27)), (client.CertificateIssuedOn, client.CertificateExpiresOn));
        var visit = Assert.Single((await work.WorkAsync()).Visits);
        Assert.Equal((KppVisitOutcome.CertificateIssued, new DateOnly(2026, 11, 27)), (visit.Outcome, visit.CertificateIssuedOn));
        Assert.Equal("CertificateIssued|2026-11-27", Assert.Single(await work.TimelineAsync(TimelineKind.VisitOutcome)).NewValue);
    }

    [Fact]
    public async Task ShouldRequireAReasonWhenTheKppRefusesOrTheVisitIsCancelled()
    {
        await using var work = await WorkFixture.StartAsync();
        var first = (await work.App.SendAsync(work.Budi, Visit(work))).Value;
        var second = (await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 12, 1)))).Value;

        var noReason = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = first, Outcome = KppVisitOutcome.Refused });
        var refused = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = first, Outcome = KppVisitOutcome.Refused, Reason = "Ada tunggakan PPN Maret" });
        var cancelled = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = second, Outcome = KppVisitOutcome.Cancelled, Reason = "Direktur sakit" });
        var backToScheduled = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = second, Outcome = KppVisitOutcome.Scheduled });

        Assert.True(noReason.Error!.FieldErrors.ContainsKey(nameof(RecordKppVisitOutcomeCommand.Reason)));
        Assert.True(refused.IsSuccess);
        Assert.True(cancelled.IsSuccess);
        Assert.False(backToScheduled.IsSuccess);
        var visits = (await work.WorkAsync()).Visits;
        Assert.Equal((KppVisitOutcome.Refused, "Ada tunggakan PPN Maret"), (visits.Single(v => v.Id == first).Outcome, visits.Single(v => v.Id == first).OutcomeReason));
        Assert.Equal(KppVisitOutcome.Cancelled, visits.Single(v => v.Id == second).Outcome);
    }

    [Fact]
    public async Task ShouldKeepTheOldDateWhenAVisitIsRescheduled()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Budi, Visit(work))).Value;

        var moved = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand
        {
            VisitId = id, Outcome = KppVisitOutcome.Rescheduled, NewDate = new DateOnly(2026, 12, 2), NewTime = new TimeOnly(13, 0), Reason = "KPP penuh",
        });

        Assert.True(moved.IsSuccess);
        var visits = (await work.WorkAsync()).Visits;
        Assert.Equal(2, visits.Count);
        var old = visits.Single(v => v.Id == id);
        var next = visits.Single(v => v.Id != id);
        Assert.Equal((KppVisitOutcome.Rescheduled, new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero)), (old.Outcome, old.At));
        Assert.Equal((KppVisitOutcome.Scheduled, new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), id), (next.Outcome, next.At, next.RescheduledFromId));
        Assert.Equal((old.OfficerName, old.Documents), (next.OfficerName, next.Documents));
    }

    [Fact]
    public async Task ShouldKeepTheDocumentChecklistAndRefuseAStrangerAsOfficerWhenPreparing()
    {
        await using var work = await WorkFixture.StartAsync();
        var id = (await work.App.SendAsync(work.Budi, Visit(work))).Value;

        var stranger = await work.App.SendAsync(work.Budi, new PrepareKppVisitCommand { VisitId = id, OfficerName = "Kurir kantor", Documents = KppVisit.AllDocuments });
        var ready = await work.App.SendAsync(work.Budi, new PrepareKppVisitCommand { VisitId = id, OfficerName = "sari dewi", Documents = KppVisit.AllDocuments, Notes = "Bawa meterai cadangan" });

        Assert.True(stranger.Error!.FieldErrors.ContainsKey(nameof(PrepareKppVisitCommand.OfficerName)));
        Assert.True(ready.IsSuccess);
        var visit = Assert.Single((await work.WorkAsync()).Visits);
        Assert.Equal(("Sari Dewi", KppDocuments.None, "Bawa meterai cadangan"), (visit.OfficerName, visit.Missing, visit.Notes));
        Assert.Equal(("6", "6"), Assert.Single(await work.TimelineAsync(TimelineKind.VisitUpdated)) is var e ? (e.OldValue, e.NewValue) : default);
    }

    [Fact]
    public async Task ShouldListUpcomingVisitsMineOrAllSoonestFirstPagedInTheDatabase()
    {
        await using var work = await WorkFixture.StartAsync();
        var siti = await Seed.ConsultantAsync(work.App, "siti@msm.co.id", "Siti");
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 12, 3)));
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 27)));
        await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 30)) with { AssigneeId = siti.UserId });
        var past = (await work.App.SendAsync(work.Budi, Visit(work, new DateOnly(2026, 11, 26)) with { Time = new TimeOnly(10, 0) })).Value;
        work.Clock.Advance(TimeSpan.FromDays(1));

        var mine = (await work.App.SendAsync(work.Budi, new ListKppVisitsQuery { MineOnly = true })).Value;
        var allFirst = (await work.App.SendAsync(work.Budi, new ListKppVisitsQuery { MineOnly = false, PageSize = 2 })).Value;
        var allSecond = (await work.App.SendAsync(work.Budi, new ListKppVisitsQuery { MineOnly = false, PageSize = 2, Page = 2 })).Value;
        var sitis = (await work.App.SendAsync(siti, new ListKppVisitsQuery { MineOnly = true })).Value;

        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 3)], mine.Items.Select(v => v.DayWib));
        Assert.Equal(3, allFirst.TotalCount);
        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30)], allFirst.Items.Select(v => v.DayWib));
        Assert.Equal([new DateOnly(2026, 12, 3)], allSecond.Items.Select(v => v.DayWib));
        Assert.Equal(("Siti", work.TicketNumber, "PT Maju Jaya"), (sitis.Items.Single().AssigneeName, sitis.Items.Single().TicketNumber, sitis.Items.Single().ClientName));
        Assert.DoesNotContain(allFirst.Items.Concat(allSecond.Items), v => v.Id == past);
        Assert.Equal(KppDocuments.OfficerKtp | KppDocuments.OfficerNpwp | KppDocuments.SelfieWithKtp | KppDocuments.NewPassphraseChosen, mine.Items[0].Missing);
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
