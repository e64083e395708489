using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>Catalogue versions as rows: appended, never updated; the primary key refuses a concurrent duplicate.</summary>
public sealed class CatalogueVersions(IDbContextFactory<HelpdeskDbContext> databases, KnowledgeStore knowledge) : ICatalogueVersions
{
    public async Task<IReadOnlyList<CatalogueVersionInfo>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.CatalogueVersions.AsNoTracking()
            .OrderByDescending(v => v.Version)
            .Select(v => new CatalogueVersionInfo(v.Version, v.CreatedAt, v.CreatedByName, v.Note))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<int> AppendAsync(Catalogue edited, Actor by, string note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var version = (await db.CatalogueVersions.MaxAsync(v => (int?)v.Version, cancellationToken) ?? DefaultCatalogue.Version) + 1;
        db.CatalogueVersions.Add(new CatalogueVersion
        {
            Version = version,
            Content = JsonSerializer.Serialize(edited with { Version = version }, KnowledgeStore.Json),
            CreatedAt = at,
            CreatedById = by.Id,
            CreatedByName = by.Name,
            Note = note,
        });
        await db.SaveChangesAsync(cancellationToken);
        knowledge.Invalidate();
        return version;
    }
}
