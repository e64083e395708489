using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>The saved catalogue versions: read the history, append a version. Never rewrites one.</summary>
public interface ICatalogueVersions
{
    /// <summary>Saved versions, newest first (empty while only the built-in default exists).</summary>
    Task<IReadOnlyList<CatalogueVersionInfo>> HistoryAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="edited"/> as the next version (newest + 1, or 2 after the built-in default) and returns that number.</summary>
    Task<int> AppendAsync(Catalogue edited, Actor by, string note, DateTimeOffset at, CancellationToken cancellationToken);
}

public sealed record CatalogueVersionInfo(int Version, DateTimeOffset CreatedAt, string CreatedByName, string? Note);
