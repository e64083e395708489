using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// Folds the report totals' change rows into one row per key (nightly, "report-totals-compaction"). The numbers
/// do not change; the reports read fewer rows. Skipping a run costs speed, never correctness.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record CompactReportTalliesCommand : ICommand<Result<CompactedTallies>>;

public sealed record CompactedTallies(int RowsRemoved, int RowsLeft)
{
    public string Describe() => $"{RowsRemoved} report total rows folded, {RowsLeft} left";
}

public sealed class CompactReportTalliesHandler(IAppDbContextFactory databases) : ICommandHandler<CompactReportTalliesCommand, Result<CompactedTallies>>
{
    public async ValueTask<Result<CompactedTallies>> Handle(CompactReportTalliesCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var removed = await Tallies.CompactAsync(db, cancellationToken);
        return new CompactedTallies(removed, await db.ReportTallies.CountAsync(cancellationToken));
    }
}
