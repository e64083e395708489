using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Firm;

/// <summary>The firm's name; anyone may ask, since the sign-in page shows the logo before anyone signs in.</summary>
[AllowAnonymousMessage]
public sealed record GetFirmNameQuery : IQuery<Result<FirmName>>;

public sealed class GetFirmNameHandler(IAppDbContextFactory databases, FirmNameCache cache) : IQueryHandler<GetFirmNameQuery, Result<FirmName>>
{
    public async ValueTask<Result<FirmName>> Handle(GetFirmNameQuery query, CancellationToken cancellationToken) =>
        await cache.GetAsync(databases, cancellationToken);
}
