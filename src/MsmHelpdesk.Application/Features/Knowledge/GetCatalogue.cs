using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>The catalogue in force (codes, playbooks, phrases) and who changed it when.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record GetCatalogueQuery : IQuery<Result<CatalogueView>>;

public sealed record CatalogueView(Catalogue Current, IReadOnlyList<CatalogueVersionInfo> History);

public sealed class GetCatalogueHandler(IKnowledgeStore knowledge, ICatalogueVersions versions) : IQueryHandler<GetCatalogueQuery, Result<CatalogueView>>
{
    public async ValueTask<Result<CatalogueView>> Handle(GetCatalogueQuery query, CancellationToken cancellationToken)
    {
        var current = (await knowledge.CurrentAsync(cancellationToken)).Catalogue;
        return new CatalogueView(current, await versions.HistoryAsync(cancellationToken));
    }
}
