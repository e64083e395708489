using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Work;

public sealed class TicketStepsTests
{
    public TicketStepsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

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

    [Fact]
    public async Task ShouldRecordWhoFinishedAStepAndWhenOnTheControlledClock()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var step = (await work.WorkAsync()).Steps[0];
        work.Clock.Advance(TimeSpan.FromMinutes(90));

        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.InProgress });
        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Done });

        var done = (await work.WorkAsync()).Steps[0];
        Assert.Equal((TicketStepStatus.Done, "Budi", WorkFixture.Start.AddMinutes(90)), (done.Status, done.DoneByName, done.DoneAt));
        var changes = await work.TimelineAsync(TimelineKind.StepStatusChanged);
        Assert.Equal([("Pending", "InProgress"), ("InProgress", "Done")], changes.Select(e => (e.OldValue, e.NewValue)));

        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Pending });
        var reopened = (await work.WorkAsync()).Steps[0];
        Assert.Equal((TicketStepStatus.Pending, null, null), (reopened.Status, reopened.DoneByName, reopened.DoneAt));
    }

    [Fact]
    public async Task ShouldRefuseToSkipAStepWithoutAReason()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var step = (await work.WorkAsync()).Steps[0];

        var refused = await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Skipped, Reason = "  " });
        var skipped = await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Skipped, Reason = "Tanggal sudah terlihat di file .p12" });

        Assert.False(refused.IsSuccess);
        Assert.Equal("Tulis alasan melewati langkah ini.", Assert.Single(refused.Error.FieldErrors[nameof(SetTicketStepStatusCommand.Reason)]));
        Assert.True(skipped.IsSuccess);
        var now = (await work.WorkAsync()).Steps[0];
        Assert.Equal((TicketStepStatus.Skipped, "Tanggal sudah terlihat di file .p12"), (now.Status, now.SkipReason));
        Assert.Contains("Tanggal sudah terlihat", Assert.Single(await work.TimelineAsync(TimelineKind.StepStatusChanged)).Text);
    }

    [Fact]
    public async Task ShouldAddStepsByHandAndReorderThemUpAndDown()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Telepon klien", IsRequired = false, DueOn = new DateOnly(2026, 11, 27) });
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Kirim formulir", IsRequired = true, AssigneeId = work.Budi.UserId });
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Cek meterai", IsRequired = true });
        var steps = (await work.WorkAsync()).Steps;

        await work.App.SendAsync(work.Budi, new MoveTicketStepCommand { TicketId = work.TicketId, StepId = steps[2].Id, Up = true });
        await work.App.SendAsync(work.Budi, new MoveTicketStepCommand { TicketId = work.TicketId, StepId = steps[0].Id, Up = true });
        await work.App.SendAsync(work.Budi, new MoveTicketStepCommand { TicketId = work.TicketId, StepId = steps[0].Id, Up = false });

        var after = (await work.WorkAsync()).Steps;
        Assert.Equal(["Cek meterai", "Telepon klien", "Kirim formulir"], after.Select(s => s.Title));
        Assert.Equal([1, 2, 3], after.Select(s => s.Order));
        Assert.Equal((false, new DateOnly(2026, 11, 27)), (after[1].IsRequired, after[1].DueOn));
        Assert.Equal((true, "Budi"), (after[2].IsRequired, after[2].AssigneeName));
        Assert.Equal(3, (await work.TimelineAsync(TimelineKind.StepAdded)).Count);
        Assert.Equal(2, (await work.TimelineAsync(TimelineKind.StepMoved)).Count);
    }

    [Fact]
    public async Task ShouldRecordEachChangedStepFieldInTheTimeline()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Telepon klien", IsRequired = true });
        var step = (await work.WorkAsync()).Steps[0];

        await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = step.Id, AssigneeId = work.Budi.UserId, DueOn = new DateOnly(2026, 11, 30), Notes = "pagi" });
        await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = step.Id, AssigneeId = work.Budi.UserId, DueOn = new DateOnly(2026, 11, 30), Notes = "pagi" });
        var unknown = await work.App.SendAsync(work.Budi, new EditTicketStepCommand { TicketId = work.TicketId, StepId = step.Id, AssigneeId = "nobody" });

        var edits = await work.TimelineAsync(TimelineKind.StepEdited);
        Assert.Equal(["AssigneeId", "DueOn", "Notes"], edits.Select(e => e.Field));
        Assert.Equal("2026-11-30", edits[1].NewValue);
        Assert.False(unknown.IsSuccess);
        Assert.True(unknown.Error.FieldErrors.ContainsKey(nameof(EditTicketStepCommand.AssigneeId)));
    }

    [Fact]
    public async Task ShouldRefuseResolvingWhileRequiredStepsAreOpenAndListThem()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Catatan opsional", IsRequired = false });
        await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Impor sertifikat baru", IsRequired = true });

        var refused = await work.App.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Selesai" });

        Assert.False(refused.IsSuccess);
        var message = Assert.Single(refused.Error.FieldErrors[nameof(ChangeTicketStatusCommand.To)]);
        // The message counts the open required steps; the page lists them from the ticket's work.
        Assert.StartsWith("Tiket belum bisa diselesaikan: 1 langkah wajib belum selesai.", message, StringComparison.Ordinal);
        Assert.Equal(["Impor sertifikat baru"], (await work.WorkAsync()).OpenRequiredSteps.Select(step => step.Title));
        Assert.Equal(TicketStatus.InProgress, (await work.WorkAsync()).Status);

        var required = (await work.WorkAsync()).Steps.Single(s => s.IsRequired);
        await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = required.Id, Status = TicketStepStatus.Done });
        var resolved = await work.App.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat baru diimpor" });
        Assert.True(resolved.IsSuccess);
    }

    [Fact]
    public async Task ShouldRefuseTheOverrideToAConsultantInThePipeline()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.ConfirmAsync("expired-certificate");

        var refused = await work.App.SendAsync(work.Budi, new ResolveTicketOverridingStepsCommand { TicketId = work.TicketId, ResolutionSummary = "x", OverrideReason = "saya mau" });

        Assert.Equal(ErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Equal(TicketStatus.InProgress, (await work.WorkAsync()).Status);
        Assert.Empty(await work.TimelineAsync(TimelineKind.ResolveOverridden));
    }

    [Fact]
    public async Task ShouldLetAManagerResolveWithAReasonAndAuditTheStepsLeftOpen()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.ConfirmAsync("expired-certificate");

        var noReason = await work.App.SendAsync(work.Maya, new ResolveTicketOverridingStepsCommand { TicketId = work.TicketId, ResolutionSummary = "Klien pindah ke Coretax", OverrideReason = " " });
        var resolved = await work.App.SendAsync(work.Maya, new ResolveTicketOverridingStepsCommand { TicketId = work.TicketId, ResolutionSummary = "Klien pindah ke Coretax", OverrideReason = "Klien beralih ke Coretax, sertel lama tidak dipakai lagi" });

        Assert.True(noReason.Error!.FieldErrors.ContainsKey(nameof(ResolveTicketOverridingStepsCommand.OverrideReason)));
        Assert.True(resolved.IsSuccess);
        Assert.Equal(TicketStatus.Resolved, (await work.WorkAsync()).Status);
        var audit = Assert.Single(await work.TimelineAsync(TimelineKind.ResolveOverridden));
        Assert.Equal(("Klien beralih ke Coretax, sertel lama tidak dipakai lagi", "7", "Maya"), (audit.Text, audit.NewValue, audit.ActorName));
        Assert.Contains(ExpiredPlaybook[0], audit.OldValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRefuseStepChangesOnAResolvedTicket()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.App.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Selesai" });

        var added = await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Terlambat", IsRequired = true });
        await work.ConfirmAsync("expired-certificate");

        Assert.False(added.IsSuccess);
        Assert.Empty((await work.WorkAsync()).Steps);
    }

    [Fact]
    public async Task ShouldKeepHostileStepTextAsTextAndRefuseAPassphraseInNotes()
    {
        await using var work = await WorkFixture.StartAsync();
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        var added = await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = Hostile, Notes = Hostile, IsRequired = true });
        var secret = await work.App.SendAsync(work.Budi, new AddTicketStepCommand { TicketId = work.TicketId, Title = "Impor", Notes = "passphrase: Rahasia#2024", IsRequired = true });

        Assert.True(added.IsSuccess);
        var step = Assert.Single((await work.WorkAsync()).Steps);
        Assert.Equal((Hostile, Hostile), (step.Title, step.Notes));
        Assert.False(secret.IsSuccess);
        Assert.True(secret.Error.FieldErrors.ContainsKey(nameof(AddTicketStepCommand.Notes)));
    }
}
