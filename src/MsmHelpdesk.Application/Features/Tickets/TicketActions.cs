using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>Moves a ticket along its status machine; resolving needs a summary.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ChangeTicketStatusCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public TicketStatus To { get; set; }
    public string? ResolutionSummary { get; set; }
}

public sealed class ChangeTicketStatusValidator : AbstractValidator<ChangeTicketStatusCommand>
{
    public ChangeTicketStatusValidator()
    {
        RuleFor(command => command.To).IsInEnum();
        RuleFor(command => command.ResolutionSummary).OptionalText(FieldLimits.NoteMaxLength);
    }
}

public sealed class ChangeTicketStatusHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeTicketStatusCommand, Result>
{
    public async ValueTask<Result> Handle(ChangeTicketStatusCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        var from = ticket.Status;
        if (command.To == TicketStatus.Resolved && TicketWorkflow.CanMove(from, command.To)
            && await Steps.StepSaves.OpenStepsRefusalAsync(db, ticket, cancellationToken) is { } blocked)
        {
            return blocked;
        }

        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        var refused = ticket.MoveTo(command.To, command.ResolutionSummary, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow(), sla);
        if (refused is not null)
        {
            return refused.Code == "ticket-resolution-required"
                ? Error.Validation(nameof(command.ResolutionSummary), AppText.TicketResolutionRequired)
                : Error.Validation(nameof(command.To), AppText.TicketIllegalMove(TicketStatusText.Of(from), TicketStatusText.Of(command.To)));
        }

        return await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>Gives a ticket to a consultant, or takes it back to the unassigned queue (null).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AssignTicketCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string? AssigneeId { get; set; }
}

public sealed class AssignTicketHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AssignTicketCommand, Result>
{
    public async ValueTask<Result> Handle(AssignTicketCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        var assignee = string.IsNullOrWhiteSpace(command.AssigneeId) ? null : command.AssigneeId;
        if (assignee is not null && !await db.Staff.AnyAsync(s => s.Id == assignee && s.IsActive, cancellationToken))
        {
            return Error.Validation(nameof(command.AssigneeId), AppText.AssigneeInvalid);
        }

        ticket.AssignTo(assignee, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>An internal note on the ticket's timeline (never sent to the client).</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AddTicketNoteCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class AddTicketNoteValidator : AbstractValidator<AddTicketNoteCommand>
{
    public AddTicketNoteValidator() => RuleFor(command => command.Text).RequiredText(FieldLimits.NoteMaxLength);
}

public sealed class AddTicketNoteHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddTicketNoteCommand, Result>
{
    public async ValueTask<Result> Handle(AddTicketNoteCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await TicketSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        ticket.AddNote(command.Text, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

internal static class TicketSaves
{
    /// <summary>The ticket to act on, tracked, or null when there is none with that id.</summary>
    public static Task<Ticket?> FindAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);

    public static Error NotFound() => Error.NotFound("ticket-not-found", AppText.TicketNotFound);

    /// <summary>Saves an action; if the ticket changed in between, the action is refused rather than merged blindly.</summary>
    public static async Task<Result> SaveAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await UpdateTicketHandler.ConflictAsync(db, ticketId, cancellationToken);
        }
    }
}

/// <summary>Status names in the user's language, for messages.</summary>
public static class TicketStatusText
{
    public static string Of(TicketStatus status) => AppText.Get($"Status{status}");
}
