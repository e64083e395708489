using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>
/// The hourly "query-statistics" job: refreshes the statistics of the tables that grew since they were gathered (a
/// bounded sample each), whatever the database's size, so the lists and reports keep their narrow index plans while
/// a young database fills up. Cheap at a million tickets; skipping a run costs speed, never correctness.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record OptimizeQueryStatisticsCommand : ICommand<Result<string>>;

public sealed class OptimizeQueryStatisticsHandler(IAppDbContextFactory databases) : ICommandHandler<OptimizeQueryStatisticsCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(OptimizeQueryStatisticsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        await db.OptimizeQueryStatisticsAsync(cancellationToken);
        return "query statistics optimized";
    }
}
