using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// Merges a duplicate ticket into its original (by number): the duplicate is closed as merged, its history is read
/// on the original. Tickets of different clients merge only when a Manager gives a reason (decision 0151).
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record MergeTicketCommand : ICommand<Result>
{
    /// <summary>The duplicate.</summary>
    public Guid TicketId { get; set; }

    /// <summary>The ticket it duplicates, e.g. MSM-2026-000123.</summary>
    public string OriginalNumber { get; set; } = "";

    /// <summary>Why; required when the two tickets belong to different clients.</summary>
    public string? Reason { get; set; }
}

public sealed class MergeTicketValidator : AbstractValidator<MergeTicketCommand>
{
    public MergeTicketValidator()
    {
        RuleFor(command => command.OriginalNumber).RequiredText(20);
        RuleFor(command => command.Reason).OptionalText(FieldLimits.NoteMaxLength);
    }
}

public sealed class MergeTicketHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MergeTicketCommand, Result>
{
    public async ValueTask<Result> Handle(MergeTicketCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var duplicate = await TicketStore.FindAsync(db, command.TicketId, cancellationToken);
        if (duplicate is null)
        {
            return TicketStore.NotFound();
        }

        var number = command.OriginalNumber.Trim().ToUpperInvariant();
        var original = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number, cancellationToken);
        if (original is null)
        {
            return Error.Validation(nameof(command.OriginalNumber), DeskText.MergeOriginalNotFound);
        }

        var acrossClients = original.ClientId != duplicate.ClientId;
        if (acrossClients)
        {
            var sender = await currentUser.GetAsync(cancellationToken);
            if (!sender.IsInAnyRole([Roles.Manager, Roles.Admin]))
            {
                return Error.Validation(nameof(command.OriginalNumber), DeskText.MergeOtherClient);
            }

            if (string.IsNullOrWhiteSpace(command.Reason))
            {
                return Error.Validation(nameof(command.Reason), DeskText.MergeOtherClientReasonRequired);
            }
        }

        var refused = duplicate.MergeInto(original, acrossClients, command.Reason, await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow(),
            await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken));
        return refused is not null ? refused.ToError() : await TicketStore.SaveAsync(db, duplicate.Id, cancellationToken);
    }
}
