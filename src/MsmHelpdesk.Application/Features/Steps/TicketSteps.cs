using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Steps;

/// <summary>A consultant adds a step by hand and chooses whether it must be done before the ticket is resolved.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AddTicketStepCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string Title { get; set; } = "";
    public bool IsRequired { get; set; }
    public string? AssigneeId { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Notes { get; set; }
}

public sealed class AddTicketStepValidator : AbstractValidator<AddTicketStepCommand>
{
    public AddTicketStepValidator()
    {
        RuleFor(c => c.Title).RequiredText(TicketStep.TitleMaxLength);
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
        RuleFor(c => c.DueOn).PlausibleDate();
    }
}

public sealed class AddTicketStepHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddTicketStepCommand, Result>
{
    public async ValueTask<Result> Handle(AddTicketStepCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await StepSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        if (await StepSaves.CheckAssigneeAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var refused = ticket.AddStep(command.Title, command.IsRequired, StepSaves.Blank(command.AssigneeId), command.DueOn, command.Notes,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? StepSaves.Refusal(refused) : await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>Who does a step, by when, and notes about it.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record EditTicketStepCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public Guid StepId { get; set; }
    public string? AssigneeId { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Notes { get; set; }
}

public sealed class EditTicketStepValidator : AbstractValidator<EditTicketStepCommand>
{
    public EditTicketStepValidator()
    {
        RuleFor(c => c.Notes).OptionalText(WorkLimits.StepNotesMaxLength);
        RuleFor(c => c.DueOn).PlausibleDate();
    }
}

public sealed class EditTicketStepHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditTicketStepCommand, Result>
{
    public async ValueTask<Result> Handle(EditTicketStepCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await StepSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        if (await StepSaves.CheckAssigneeAsync(db, command.AssigneeId, nameof(command.AssigneeId), cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var refused = ticket.EditStep(command.StepId, StepSaves.Blank(command.AssigneeId), command.DueOn, command.Notes,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? StepSaves.Refusal(refused) : await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>Starts, finishes, skips or reopens a step; skipping needs a reason.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SetTicketStepStatusCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public Guid StepId { get; set; }
    public TicketStepStatus Status { get; set; }

    /// <summary>Why the step is skipped; required for Skipped, ignored otherwise.</summary>
    public string? Reason { get; set; }
}

public sealed class SetTicketStepStatusValidator : AbstractValidator<SetTicketStepStatusCommand>
{
    public SetTicketStepStatusValidator()
    {
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason))
            .When(c => c.Status == TicketStepStatus.Skipped).WithMessage(_ => WorkText.StepSkipReasonRequired);
        RuleFor(c => c.Reason).OptionalText(WorkLimits.ReasonMaxLength);
    }
}

public sealed class SetTicketStepStatusHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetTicketStepStatusCommand, Result>
{
    public async ValueTask<Result> Handle(SetTicketStepStatusCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await StepSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        var refused = ticket.ChangeStepStatus(command.StepId, command.Status, command.Reason,
            await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? StepSaves.Refusal(refused) : await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>Moves a step one place up or down.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record MoveTicketStepCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public Guid StepId { get; set; }
    public bool Up { get; set; }
}

public sealed class MoveTicketStepHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MoveTicketStepCommand, Result>
{
    public async ValueTask<Result> Handle(MoveTicketStepCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await StepSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        var refused = ticket.MoveStep(command.StepId, command.Up, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow());
        return refused is not null ? StepSaves.Refusal(refused) : await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

/// <summary>
/// A Manager (or Admin) resolves a ticket although required steps are still open, saying why. Consultants are
/// refused by the pipeline: the role is on the message, not only on the button.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record ResolveTicketOverridingStepsCommand : ICommand<Result>
{
    public Guid TicketId { get; set; }
    public string? ResolutionSummary { get; set; }
    public string OverrideReason { get; set; } = "";
}

public sealed class ResolveTicketOverridingStepsValidator : AbstractValidator<ResolveTicketOverridingStepsCommand>
{
    public ResolveTicketOverridingStepsValidator()
    {
        RuleFor(c => c.ResolutionSummary).OptionalText(FieldLimits.NoteMaxLength);
        RuleFor(c => c.OverrideReason).Cascade(CascadeMode.Stop)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage(_ => WorkText.OverrideReasonRequired)
            .MaximumLength(WorkLimits.ReasonMaxLength).WithMessage(_ => AppText.MaxLength(WorkLimits.ReasonMaxLength))
            .NoSecret();
    }
}

public sealed class ResolveTicketOverridingStepsHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ResolveTicketOverridingStepsCommand, Result>
{
    public async ValueTask<Result> Handle(ResolveTicketOverridingStepsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await StepSaves.FindAsync(db, command.TicketId, cancellationToken);
        if (ticket is null)
        {
            return TicketSaves.NotFound();
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var from = ticket.Status;
        if (!TicketWorkflow.CanMove(from, TicketStatus.Resolved))
        {
            return Error.Validation(nameof(ChangeTicketStatusCommand.To), AppText.TicketIllegalMove(TicketStatusText.Of(from), TicketStatusText.Of(TicketStatus.Resolved)));
        }

        if (string.IsNullOrWhiteSpace(command.ResolutionSummary))
        {
            return Error.Validation(nameof(command.ResolutionSummary), AppText.TicketResolutionRequired);
        }

        ticket.OverrideOpenSteps(command.OverrideReason, actor, now);
        ticket.MoveTo(TicketStatus.Resolved, command.ResolutionSummary, actor, now, await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken));
        return await TicketSaves.SaveAsync(db, ticket.Id, cancellationToken);
    }
}

internal static class StepSaves
{
    /// <summary>The ticket with its steps, tracked.</summary>
    public static Task<Ticket?> FindAsync(IAppDbContext db, Guid ticketId, CancellationToken cancellationToken) =>
        db.Tickets.Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);

    /// <summary>The refusal a plain status change meets while required steps are open; null when there are none.</summary>
    public static async Task<Error?> OpenStepsRefusalAsync(IAppDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        await db.Tickets.Entry(ticket).Collection(t => t.Steps).LoadAsync(cancellationToken);
        var open = ticket.OpenRequiredSteps();
        return open.Count == 0
            ? null
            : Error.Validation(nameof(ChangeTicketStatusCommand.To), WorkText.StepsOpenBlockResolve(open.Count));
    }

    public static async Task<Error?> CheckAssigneeAsync(IAppDbContext db, string? assigneeId, string field, CancellationToken cancellationToken) =>
        Blank(assigneeId) is { } id && !await db.Staff.AnyAsync(s => s.Id == id && s.IsActive, cancellationToken)
            ? Error.Validation(field, AppText.AssigneeInvalid)
            : null;

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static Error Refusal(DomainError refused) => refused.Code switch
    {
        "step-skip-reason-required" => Error.Validation(nameof(SetTicketStepStatusCommand.Reason), WorkText.StepSkipReasonRequired),
        "step-ticket-not-open" => Error.Validation(nameof(SetTicketStepStatusCommand.StepId), WorkText.StepTicketNotOpen),
        _ => Error.NotFound("step-not-found", WorkText.StepNotFound),
    };
}
