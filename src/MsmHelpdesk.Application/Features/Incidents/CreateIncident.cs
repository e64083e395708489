using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Incidents;

/// <summary>Opens an incident: DJP is down for everyone. Tickets are linked to it afterwards (LinkTicketsToIncident).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record CreateIncidentCommand : ICommand<Result<Guid>>
{
    public string Title { get; set; } = "";
    public string? ErrorCode { get; set; }

    /// <summary>When it began; now when left empty.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public string? Description { get; set; }
}

public sealed class CreateIncidentValidator : AbstractValidator<CreateIncidentCommand>
{
    public CreateIncidentValidator(TimeProvider clock)
    {
        RuleFor(command => command.Title).RequiredText(Incident.TitleMaxLength);
        RuleFor(command => command.ErrorCode).OptionalText(32);
        RuleFor(command => command.Description).OptionalText(FieldLimits.DescriptionMaxLength);

        // A minute of slack for the browser's clock.
        RuleFor(command => command.StartedAt).Must(at => at is null || at <= clock.GetUtcNow().AddMinutes(1))
            .WithMessage(_ => DeskText.IncidentStartedInFuture);
    }
}

public sealed class CreateIncidentHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateIncidentCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateIncidentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var incident = Incident.Open(command.Title, command.ErrorCode, command.StartedAt ?? now, command.Description,
            await currentUser.GetActorAsync(cancellationToken), now);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return incident.Id;
    }
}
