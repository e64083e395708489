using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Setup;

[AllowAnonymousMessage]
public sealed record GetSetupStatusQuery : IQuery<Result<SetupStatus>>;

public sealed record SetupStatus(bool IsOpen);

public sealed class GetSetupStatusHandler(IIdentityService identity) : IQueryHandler<GetSetupStatusQuery, Result<SetupStatus>>
{
    public async ValueTask<Result<SetupStatus>> Handle(GetSetupStatusQuery query, CancellationToken cancellationToken) =>
        new SetupStatus(await identity.IsSetupOpenAsync(cancellationToken));
}
