using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Diagnosis;

/// <summary>A consultant confirms the suggested scenario and cause, or corrects them, in one click.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ConfirmDiagnosisCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }

    /// <summary>Wire spelling: registration, upload, invoice, profile-sync, other, unknown.</summary>
    public string Scenario { get; set; } = "";

    /// <summary>Wire spelling: corrupt-certificate, expired-certificate, wrong-passphrase, network, djp-outage, other, unknown.</summary>
    public string Cause { get; set; } = "";
}

public sealed class ConfirmDiagnosisValidator : AbstractValidator<ConfirmDiagnosisCommand>
{
    public ConfirmDiagnosisValidator()
    {
        RuleFor(command => command.Scenario).Must(value => Wire.ParseScenario(value) is not null).WithMessage(_ => AppText.Required);
        RuleFor(command => command.Cause).Must(value => Wire.ParseCause(value) is not null).WithMessage(_ => AppText.Required);
    }
}

public sealed class ConfirmDiagnosisHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, Diagnostician diagnostician)
    : ICommandHandler<ConfirmDiagnosisCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmDiagnosisCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var cause = Wire.Of(Wire.ParseCause(command.Cause)!.Value);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        ticket.ConfirmDiagnosis(Wire.Of(Wire.ParseScenario(command.Scenario)!.Value), cause, actor, now);

        // The confirmed cause's playbook becomes the ticket's steps (the code's own, else ETAX-40002's).
        var catalogue = await diagnostician.CatalogueAsync(cancellationToken);
        var playbook = Playbooks.Find(catalogue, ticket.ErrorCode, cause);
        ticket.ApplyPlaybook(cause, playbook?.Steps ?? [], actor, now, playbook is null ? null : playbook.FactFor);
        return await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
    }
}
