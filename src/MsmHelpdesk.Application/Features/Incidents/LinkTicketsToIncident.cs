using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Incidents;

/// <summary>
/// Links tickets to an open incident: the list's selection sends ids, the incident page sends numbers as typed.
/// Closed or merged tickets are skipped with the reason; the others are linked in one transaction.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record LinkTicketsToIncidentCommand : ICommand<Result<BulkOutcome>>
{
    public Guid IncidentId { get; set; }
    public List<Guid> TicketIds { get; set; } = [];

    /// <summary>Ticket numbers separated by spaces, commas or new lines (MSM-2026-000123).</summary>
    public string? TicketNumbers { get; set; }

    public IReadOnlyList<string> Numbers() =>
        (TicketNumbers ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(number => number.Trim().ToUpperInvariant()).Distinct().ToArray();
}

public sealed class LinkTicketsToIncidentValidator : AbstractValidator<LinkTicketsToIncidentCommand>
{
    public LinkTicketsToIncidentValidator()
    {
        RuleFor(command => command.TicketIds).Must((command, ids) => ids.Count > 0 || command.Numbers().Count > 0)
            .WithMessage(_ => DeskText.BulkNoTickets);
        RuleFor(command => command.TicketIds).Must((command, ids) => ids.Distinct().Count() + command.Numbers().Count <= BulkTickets.MaxTickets)
            .WithMessage(_ => DeskText.BulkTooMany(BulkTickets.MaxTickets));
    }
}

public sealed class LinkTicketsToIncidentHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<LinkTicketsToIncidentCommand, Result<BulkOutcome>>
{
    public async ValueTask<Result<BulkOutcome>> Handle(LinkTicketsToIncidentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var incident = await IncidentStore.FindAsync(db, command.IncidentId, cancellationToken);
        if (incident is null)
        {
            return IncidentStore.NotFound();
        }

        var numbers = command.Numbers();
        var numbered = await db.Tickets.AsNoTracking().Where(t => numbers.Contains(t.Number)).Select(t => new { t.Id, t.Number }).ToListAsync(cancellationToken);
        var unknown = numbers.Except(numbered.Select(t => t.Number)).ToArray();
        if (unknown.Length > 0)
        {
            return Error.Validation(nameof(command.TicketNumbers), DeskText.IncidentTicketNumberUnknown(string.Join(", ", unknown)));
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var (tickets, skipped) = await BulkTickets.LoadAsync(db, [.. command.TicketIds, .. numbered.Select(t => t.Id)], withSteps: false, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = new List<string>();
        foreach (var ticket in tickets)
        {
            if (await BulkTickets.MergedAsync(db, ticket, cancellationToken) is { } merged)
            {
                skipped.Add(merged);
            }
            else if (ticket.LinkToIncident(incident, actor, now) is { } refused)
            {
                skipped.Add(new BulkSkip(ticket.Id, ticket.Number, refused.ToError().FieldErrors.Values.SelectMany(m => m).First()));
            }
            else
            {
                changed.Add(ticket.Number);
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
}
