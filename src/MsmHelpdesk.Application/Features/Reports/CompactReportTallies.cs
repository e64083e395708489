using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
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
        var removed = await Tallies.CompactAsync(db, cancellationToken);
        await db.RefreshQueryStatisticsAsync(cancellationToken);
        return new CompactedTallies(removed, await db.ReportTallies.CountAsync(cancellationToken));
    }
}

/// <summary>
/// Rebuilds the report totals from the tickets (<c>msmhelpdesk report --rebuild-totals</c>): after a write that went
/// around the application, such as a correction made in SQL. Reports stay right while it runs (one transaction).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record RebuildReportTalliesCommand : ICommand<Result<RebuiltTallies>>;

public sealed record RebuiltTallies(int Rows, TimeSpan Took)
{
    public string Describe() => $"{Rows} report total rows rebuilt from the tickets in {Took.TotalSeconds:0.0} s";
}

public sealed class RebuildReportTalliesHandler(IAppDbContextFactory databases) : ICommandHandler<RebuildReportTalliesCommand, Result<RebuiltTallies>>
{
    public async ValueTask<Result<RebuiltTallies>> Handle(RebuildReportTalliesCommand command, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await databases.CreateAsync(cancellationToken);
        var rows = await Tallies.RebuildAsync(db, cancellationToken);
        return new RebuiltTallies(rows, stopwatch.Elapsed);
    }
}
