using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Steps;

public sealed class ResolveTicketOverridingStepsTests
{
    public ResolveTicketOverridingStepsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static IReadOnlyList<string> ExpiredPlaybook =>
        DefaultCatalogue.Create().Codes.Single(c => c.Code == "ETAX-40002").Playbooks.Single(p => p.Cause == Cause.ExpiredCertificate).Steps;

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
}
