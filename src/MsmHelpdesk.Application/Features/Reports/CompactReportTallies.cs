using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// The reports' nightly upkeep ("report-upkeep"): folds the report totals' change rows into one row per key, then
/// refreshes the database's query statistics. No number changes; the reports read fewer rows over the right
/// indexes. Skipping a run costs speed, never correctness.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record CompactReportTalliesCommand : ICommand<Result<CompactedTallies>>;

public sealed record CompactedTallies(int RowsRemoved, int RowsLeft)
{
    public string Describe() => $"{RowsRemoved} report total rows folded, {RowsLeft} left; query statistics refreshed";
}

public sealed class CompactReportTalliesHandler(IAppDbContextFactory databases) : ICommandHandler<CompactReportTalliesCommand, Result<CompactedTallies>>
{
    public async ValueTask<Result<CompactedTallies>> Handle(CompactReportTalliesCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var removed = await TallyStore.CompactAsync(db, cancellationToken);
        await db.RefreshQueryStatisticsAsync(cancellationToken);
        return new CompactedTallies(removed, await db.ReportTallies.CountAsync(cancellationToken));
    }
}
