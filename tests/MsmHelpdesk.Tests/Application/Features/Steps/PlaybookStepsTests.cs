using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Steps;

public sealed class PlaybookStepsTests
{
    public PlaybookStepsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static IReadOnlyList<string> ExpiredPlaybook =>
        DefaultCatalogue.Create().Codes.Single(c => c.Code == "ETAX-40002").Playbooks.Single(p => p.Cause == Cause.ExpiredCertificate).Steps;

    [Fact]
    public async Task ShouldPutTheExpiredPlaybookOnTheTicketAsRequiredPendingStepsWhenTheCauseIsConfirmed()
    {
        await using var work = await WorkFixture.StartAsync();

        Assert.True((await work.ConfirmAsync("expired-certificate")).IsSuccess);

        var steps = (await work.WorkAsync()).Steps;
        Assert.Equal(ExpiredPlaybook, steps.Select(s => s.Title));
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Order));
        Assert.All(steps, step => Assert.True(step is { IsRequired: true, Status: TicketStepStatus.Pending, Cause: "expired-certificate" }));
        var entry = Assert.Single(await work.TimelineAsync(TimelineKind.StepsFromPlaybook));
        Assert.Equal(("7", "expired-certificate"), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task ShouldKeepTheDefaultExpiredPlaybookInTheOrderOfTheRenewal()
    {
        // DOMAIN.md: confirm expiry, documents, KPP visit in person, issued, import, test, update the client's dates.
        var steps = ExpiredPlaybook;

        Assert.Equal(7, steps.Count);
        Assert.Contains("kedaluwarsa", steps[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("meterai", steps[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tidak bisa dikuasakan", steps[2], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("KPP", steps[3], StringComparison.Ordinal);
        Assert.Contains("Administrasi Sertifikat", steps[4], StringComparison.Ordinal);
        Assert.Contains("upload", steps[5], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data klien", steps[6], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ShouldNotDuplicateStepsWhenTheSameCauseIsConfirmedAgain()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");

        await work.ConfirmAsync("expired-certificate");
        await work.App.SendAsync(work.Budi, new MsmHelpdesk.Application.Features.Diagnosis.ConfirmDiagnosisCommand { TicketId = work.TicketId, Scenario = "registration", Cause = "expired-certificate" });

        Assert.Equal(7, (await work.WorkAsync()).Steps.Count);
        Assert.Single(await work.TimelineAsync(TimelineKind.StepsFromPlaybook));
    }

    [Fact]
    public async Task ShouldReplaceOnlyUntouchedStepsWhenTheCauseIsCorrected()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var expired = (await work.WorkAsync()).Steps;
        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = expired[0].Id, Status = TicketStepStatus.Done });
        await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = expired[1].Id, Notes = "Klien sedang mencari akta" });
        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = expired[2].Id, Status = TicketStepStatus.InProgress });

        await work.ConfirmAsync("corrupt-certificate");

        var steps = (await work.WorkAsync()).Steps;
        var corrupt = DefaultCatalogue.Create().Codes.Single(c => c.Code == "ETAX-40002").Playbooks.Single(p => p.Cause == Cause.CorruptCertificate).Steps;
        Assert.Equal(expired.Take(3).Select(s => s.Title).Concat(corrupt), steps.Select(s => s.Title));
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Order));
        var removed = await work.TimelineAsync(TimelineKind.StepRemoved);
        Assert.Equal(expired.Skip(3).Select(s => s.Title), removed.Select(e => e.Text));
        Assert.All(removed, e => Assert.Equal(("expired-certificate", "corrupt-certificate"), (e.OldValue, e.NewValue)));

        // Back to expired: the replaced steps return, the kept ones are not doubled.
        await work.ConfirmAsync("expired-certificate");
        var back = (await work.WorkAsync()).Steps;
        Assert.Equal(7, back.Count(s => s.Cause == "expired-certificate"));
        Assert.Equal(7, back.Where(s => s.Cause == "expired-certificate").Select(s => s.Title).Distinct().Count());
        Assert.DoesNotContain(back, s => s.Cause == "corrupt-certificate");
    }

    [Fact]
    public async Task ShouldUseTheCodesOwnPlaybookAndFallBackToETAX40002s()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Maya, new SetPlaybookStepsCommand
        {
            Code = "ETAX-40001", Cause = "expired-certificate", Steps = ["Cek tanggal di e-Faktur", "Jadwalkan KPP"], Note = "langkah khusus 40001",
        });
        var own = await Seed.TicketAsync(work.App, work.Budi, work.ClientId, "ETAX-40001 Tidak dapat menghubungi E-TaxInvoice Server");
        var fallback = await Seed.TicketAsync(work.App, work.Budi, work.ClientId, "ETAX-20018 Range Nomor Faktur tidak tersedia");

        await work.ConfirmAsync("expired-certificate", own.Id);
        await work.ConfirmAsync("expired-certificate", fallback.Id);

        Assert.Equal(["Cek tanggal di e-Faktur", "Jadwalkan KPP"], (await work.WorkAsync(own.Id)).Steps.Select(s => s.Title));
        Assert.Equal(ExpiredPlaybook, (await work.WorkAsync(fallback.Id)).Steps.Select(s => s.Title));
    }
}
