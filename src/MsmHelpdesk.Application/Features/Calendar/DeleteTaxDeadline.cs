using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>Removes a deadline from the tax calendar. Audited.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record DeleteTaxDeadlineCommand : ICommand<Result>
{
    public Guid Id { get; init; }
}

public sealed class DeleteTaxDeadlineHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, TaxDeadlinesCache deadlinesCache)
    : ICommandHandler<DeleteTaxDeadlineCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteTaxDeadlineCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var deadline = await db.TaxDeadlines.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
        if (deadline is null)
        {
            return Error.NotFound("deadline-not-found", AppText.TaxDeadlineNotFound);
        }

        db.TaxDeadlines.Remove(deadline);
        db.AuditEntries.Add(AuditEntry.Record(await currentUser.GetActorAsync(cancellationToken), clock.GetUtcNow(), FilingDeadlines.AuditArea, null, $"deadline removed: {deadline}"));
        await db.SaveChangesAsync(cancellationToken);
        deadlinesCache.Invalidate();
        return Result.Success();
    }
}
