using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Tickets;

/// <summary>
/// Moves the selected tickets to one status. Each ticket's own rules apply as on its page (the status machine,
/// required steps before resolving): a ticket that may not move is skipped with the reason, the others move.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record BulkChangeTicketStatusCommand : ICommand<Result<BulkOutcome>>, IBulkTicketCommand
{
    public List<Guid> TicketIds { get; set; } = [];
    public TicketStatus To { get; set; }
    public string? ResolutionSummary { get; set; }
}

public sealed class BulkChangeTicketStatusValidator : AbstractValidator<BulkChangeTicketStatusCommand>
{
    public BulkChangeTicketStatusValidator()
    {
        this.TicketSelection();
        RuleFor(command => command.To).IsInEnum();
        RuleFor(command => command.ResolutionSummary).OptionalText(FieldLimits.NoteMaxLength);

        // Asked once for all of them, rather than refusing every ticket for the same missing summary.
        RuleFor(command => command.ResolutionSummary).Must(summary => !string.IsNullOrWhiteSpace(summary))
            .When(command => command.To == TicketStatus.Resolved).WithMessage(_ => AppText.TicketResolutionRequired);
    }
}

public sealed class BulkChangeTicketStatusHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BulkChangeTicketStatusCommand, Result<BulkOutcome>>
{
    public async ValueTask<Result<BulkOutcome>> Handle(BulkChangeTicketStatusCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var (tickets, skipped) = await BulkTickets.LoadAsync(db, command.TicketIds, withSteps: command.To == TicketStatus.Resolved, cancellationToken);
        var sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = new List<string>();
        foreach (var ticket in tickets)
        {
            if (await BulkTickets.MergedAsync(db, ticket, cancellationToken) is { } merged)
            {
                skipped.Add(merged);
                continue;
            }

            var refusal = command.To == TicketStatus.Resolved && TicketWorkflow.CanMove(ticket.Status, command.To) && ticket.OpenRequiredSteps().Count is > 0 and var open
                ? WorkText.StepsOpenBlockResolve(open)
                : ticket.MoveTo(command.To, command.ResolutionSummary, actor, now, sla)?.ToError() is { } error ? Reason(error) : null;
            if (refusal is null)
            {
                changed.Add(ticket.Number);
            }
            else
            {
                skipped.Add(new BulkSkip(ticket.Id, ticket.Number, refusal));
            }
        }

        var saved = await TicketStore.SaveAsync(db, tickets.FirstOrDefault()?.Id ?? Guid.Empty, cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error;
        }

        await transaction.CommitAsync(cancellationToken);
        return new BulkOutcome(changed, skipped);
    }

    private static string Reason(Error error) => error.FieldErrors.Values.SelectMany(messages => messages).FirstOrDefault() ?? error.Message;
}
