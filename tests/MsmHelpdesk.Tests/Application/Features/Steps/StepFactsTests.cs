using System.Globalization;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;
using static MsmHelpdesk.Tests.Support.WorkFixture;

namespace MsmHelpdesk.Tests.Application.Features.Steps;

public sealed class StepFactsTests
{
    public StepFactsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldKeepARenewalOpenUntilTheVisitOutcomeIsRecordedAndThenFinishItsStepsByThatFact()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.MoveToInProgressAsync();
        await work.ConfirmAsync("expired-certificate");
        var visit = (await work.App.SendAsync(work.Budi, Visit(work))).Value;
        foreach (var step in (await work.WorkAsync()).OpenRequiredSteps.Where(s => s.CompletedByFact is null))
        {
            Assert.True((await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = step.Id, Status = TicketStepStatus.Done })).IsSuccess);
        }

        var steps = (await work.WorkAsync()).Steps;
        Assert.Equal([StepFact.VisitScheduled, StepFact.CertificateIssued, StepFact.ClientCertificateUpdated],
            steps.Where(s => s.CompletedByFact is not null).Select(s => s.CompletedByFact!.Value));
        Assert.True(steps.Single(s => s.Order == 3).DoneByFact);
        var held = steps.Single(s => s.CompletedByFact == StepFact.CertificateIssued);
        var ticked = await work.App.SendAsync(work.Budi, new SetTicketStepStatusCommand { TicketId = work.TicketId, StepId = held.Id, Status = TicketStepStatus.Done });
        var early = await work.App.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat baru diimpor" });

        Assert.StartsWith("Langkah ini selesai dengan sendirinya saat hasil kunjungan KPP dicatat", Assert.Single(ticked.Error!.FieldErrors[nameof(SetTicketStepStatusCommand.Status)]), StringComparison.Ordinal);
        Assert.False(early.IsSuccess);
        Assert.Equal(2, (await work.WorkAsync()).OpenRequiredSteps.Count);

        work.Clock.Advance(TimeSpan.FromDays(1));
        var issued = await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = visit, Outcome = KppVisitOutcome.CertificateIssued, CertificateIssuedOn = new DateOnly(2026, 11, 27) });
        var resolved = await work.App.SendAsync(work.Budi, new ChangeTicketStatusCommand { TicketId = work.TicketId, To = TicketStatus.Resolved, ResolutionSummary = "Sertifikat baru diimpor" });

        Assert.True(issued.IsSuccess);
        Assert.True(resolved.IsSuccess);
        var done = (await work.WorkAsync()).Steps.Where(s => s.CompletedByFact is StepFact.CertificateIssued or StepFact.ClientCertificateUpdated).ToArray();
        Assert.All(done, step => Assert.Equal((TicketStepStatus.Done, true, "Budi"), (step.Status, step.DoneByFact, step.DoneByName)));
        Assert.Equal(["VisitScheduled", "CertificateIssued", "ClientCertificateUpdated"], (await work.TimelineAsync(TimelineKind.StepDoneByFact)).Select(e => e.NewValue));
        var client = (await work.App.SendAsync(work.Budi, new GetClientQuery(work.ClientId))).Value;
        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2028, 11, 27)), (client.CertificateIssuedOn, client.CertificateExpiresOn));
    }

    [Fact]
    public async Task ShouldLeaveTheVisitStepOpenWhenTheKppRefused()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var visit = (await work.App.SendAsync(work.Budi, Visit(work))).Value;

        await work.App.SendAsync(work.Budi, new RecordKppVisitOutcomeCommand { VisitId = visit, Outcome = KppVisitOutcome.Refused, Reason = "Ada tunggakan PPN" });

        var open = (await work.WorkAsync()).OpenRequiredSteps;
        Assert.Contains(open, step => step.CompletedByFact == StepFact.CertificateIssued);
        Assert.Contains(open, step => step.CompletedByFact == StepFact.ClientCertificateUpdated);
    }

    [Fact]
    public async Task ShouldFinishTheClientDataStepWhenTheClientsCertificateDatesAreUpdated()
    {
        await using var work = await WorkFixture.StartAsync();
        await work.ConfirmAsync("expired-certificate");
        var client = (await work.App.SendAsync(work.Budi, new GetClientQuery(work.ClientId))).Value;
        UpdateClientCommand Edit(DateOnly issued) => new()
        {
            ClientId = work.ClientId,
            ExpectedVersion = client.Version,
            Name = client.Name,
            Npwp = client.Npwp,
            Kpp = client.Kpp,
            Officers = [.. client.Officers],
            CertificateIssuedOn = issued,
        };

        var stillExpired = await work.App.SendAsync(work.Budi, Edit(new DateOnly(2024, 3, 2)));
        Assert.True(stillExpired.IsSuccess);
        Assert.Contains((await work.WorkAsync()).OpenRequiredSteps, step => step.CompletedByFact == StepFact.ClientCertificateUpdated);

        client = (await work.App.SendAsync(work.Budi, new GetClientQuery(work.ClientId))).Value;
        var renewed = await work.App.SendAsync(work.Budi, Edit(new DateOnly(2026, 11, 25)));

        Assert.True(renewed.IsSuccess);
        var steps = (await work.WorkAsync()).Steps;
        Assert.Equal((TicketStepStatus.Done, true), steps.Where(s => s.CompletedByFact == StepFact.ClientCertificateUpdated).Select(s => (s.Status, s.DoneByFact)).Single());
        Assert.Equal(TicketStepStatus.Pending, steps.Single(s => s.CompletedByFact == StepFact.CertificateIssued).Status);
    }
}
