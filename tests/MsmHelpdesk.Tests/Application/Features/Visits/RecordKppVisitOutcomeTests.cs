using System.Globalization;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.WorkFixture;

namespace MsmHelpdesk.Tests.Application.Features.Visits;

public sealed class RecordKppVisitOutcomeTests
{
    public RecordKppVisitOutcomeTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

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
            VisitId = id,
            Outcome = KppVisitOutcome.Rescheduled,
            NewDate = new DateOnly(2026, 12, 2),
            NewTime = new TimeOnly(13, 0),
            Reason = "KPP penuh",
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
}
