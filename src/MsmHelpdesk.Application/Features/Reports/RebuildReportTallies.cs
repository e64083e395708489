using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

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
        var rows = await TallyStore.RebuildAsync(db, cancellationToken);
        return new RebuiltTallies(rows, stopwatch.Elapsed);
    }
}
