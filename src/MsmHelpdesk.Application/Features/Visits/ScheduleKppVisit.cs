using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>Plans a visit to the client's KPP for the ticket; date and time are entered in WIB and stored in UTC.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ScheduleKppVisitCommand : ICommand<Result<Guid>>
{
    public Guid TicketId { get; set; }

    /// <summary>Empty means the client's registered KPP.</summary>
    public string? Kpp { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>WIB.</summary>
    public TimeOnly? Time { get; set; }

    /// <summary>A pengurus of the client, by name.</summary>
    public string OfficerName { get; set; } = "";

    public string? AssigneeId { get; set; }

    public KppDocuments Documents { get; set; }

    public string? Notes { get; set; }
}

public sealed class ScheduleKppVisitValidator : AbstractValidator<ScheduleKppVisitCommand>
{
    public ScheduleKppVisitValidator()
    {
        RuleFor(c => c.Date).NotNull().WithMessage(_ => AppText.Required).PlausibleDate();
        RuleFor(c => c.Time).NotNull().WithMessage(_ => AppText.Required);
        RuleFor(c => c.OfficerName).RequiredText(FieldLimits.PersonNameMaxLength);
        RuleFor(c => c.Kpp).OptionalText(FieldLimits.KppMaxLength);
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
    }
}

public sealed class ScheduleKppVisitHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ScheduleKppVisitCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ScheduleKppVisitCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketStore.FindWithStepsAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        if (await Assignees.CheckAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var at = VisitTime.FromWib(command.Date!.Value, command.Time!.Value);
        if (await VisitTime.CheckAsync(db, command.Date!.Value, at, now, nameof(command.Date), cancellationToken) is { } badTime)
        {
            return badTime;
        }

        var client = await db.Clients.SingleAsync(c => c.Id == ticket.ClientId, cancellationToken);
        var (visit, refused) = KppVisit.Schedule(ticket, client, command.Kpp, at, command.OfficerName, Assignees.Blank(command.AssigneeId ?? ticket.AssigneeId),
            command.Documents, command.Notes, await currentUser.GetActorAsync(cancellationToken), now);
        if (refused is not null)
        {
            return refused.ToError();
        }

        db.KppVisits.Add(visit!);
        var saved = await TicketStore.SaveAsync(db, ticket.Id, cancellationToken);
        return saved.IsSuccess ? visit!.Id : saved.Error;
    }
}
