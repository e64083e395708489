using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Steps;

/// <summary>The resolution work of one ticket: its steps, its KPP visits, and what scheduling a visit needs.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetTicketWorkQuery : IQuery<Result<TicketWork>>
{
    public Guid TicketId { get; set; }
}

public sealed record TicketWork(
    Guid TicketId,
    string TicketNumber,
    TicketStatus Status,
    string ClientName,
    string? ClientKpp,
    IReadOnlyList<string> Officers,
    string? ContactName,
    string? ContactPhone,
    IReadOnlyList<StepItem> Steps,
    IReadOnlyList<VisitItem> Visits)
{
    public IReadOnlyList<StepItem> OpenRequiredSteps => Steps.Where(step => step.IsRequired && step.Status is TicketStepStatus.Pending or TicketStepStatus.InProgress).ToArray();
}

public sealed record StepItem(
    Guid Id, int Order, string Title, TicketStepStatus Status, bool IsRequired, string? Cause, string? AssigneeId, string? AssigneeName,
    DateOnly? DueOn, string? Notes, string? SkipReason, string? DoneByName, DateTimeOffset? DoneAt)
{
    /// <summary>The fact that finishes the step (it is not ticked by hand); null for an ordinary step.</summary>
    public StepFact? CompletedByFact { get; init; }

    /// <summary>The fact, not a person, finished it.</summary>
    public bool DoneByFact { get; init; }
}

public sealed record VisitItem(
    Guid Id, Guid TicketId, string Kpp, DateTimeOffset At, string OfficerName, string? AssigneeId, string? AssigneeName, KppDocuments Documents,
    string? Notes, KppVisitOutcome Outcome, string? OutcomeReason, DateOnly? CertificateIssuedOn, Guid? RescheduledFromId)
{
    public KppDocuments Missing => KppVisit.AllDocuments & ~Documents;
}

public sealed class GetTicketWorkHandler(IAppDbContextFactory databases) : IQueryHandler<GetTicketWorkQuery, Result<TicketWork>>
{
    public async ValueTask<Result<TicketWork>> Handle(GetTicketWorkQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == query.TicketId)
            .Select(t => new { t.Id, t.Number, t.Status, t.ClientId, t.ContactId })
            .SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == ticket.ClientId, cancellationToken);
        var contact = ticket.ContactId is { } contactId
            ? await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.Name, c.Phone }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var steps = await (
                from step in db.TicketSteps.AsNoTracking()
                where step.TicketId == ticket.Id
                join staff in db.Staff on step.AssigneeId equals staff.Id into assignees
                from assignee in assignees.DefaultIfEmpty()
                orderby step.Order
                select new StepItem(step.Id, step.Order, step.Title, step.Status, step.IsRequired, step.Cause, step.AssigneeId, assignee == null ? null : assignee.DisplayName,
                    step.DueOn, step.Notes, step.SkipReason, step.DoneByName, step.DoneAt)
                { CompletedByFact = step.CompletedByFact, DoneByFact = step.DoneByFact })
            .ToListAsync(cancellationToken);
        // A ticket has a handful of visits: sorting them here is cheaper than teaching SQL the projection.
        var visits = (await VisitRows(db, db.KppVisits.Where(v => v.TicketId == ticket.Id)).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.At)
            .ToArray();
        return new TicketWork(ticket.Id, ticket.Number, ticket.Status, client.Name, client.Kpp, client.Officers.Select(o => o.Name).ToArray(),
            contact?.Name, contact?.Phone, steps, visits);
    }

    internal static IQueryable<VisitItem> VisitRows(IAppDbContext db, IQueryable<KppVisit> visits) =>
        from visit in visits.AsNoTracking()
        join staff in db.Staff on visit.AssigneeId equals staff.Id into assignees
        from assignee in assignees.DefaultIfEmpty()
        select new VisitItem(visit.Id, visit.TicketId, visit.Kpp, visit.At, visit.OfficerName, visit.AssigneeId, assignee == null ? null : assignee.DisplayName,
            visit.Documents, visit.Notes, visit.Outcome, visit.OutcomeReason, visit.CertificateIssuedOn, visit.RescheduledFromId);
}
