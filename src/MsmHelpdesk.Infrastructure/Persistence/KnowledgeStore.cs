using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// The newest catalogue version and learned model from the database; the built-in default catalogue while
/// none has been saved. Deserialises only when a version changes, and asks for the versions only after an edit of this
/// process (<see cref="Invalidate"/>, called by the stores that add versions) or <see cref="Recheck"/> after the last
/// look (an edit by another process: the CLI, another node). Decision record 0162.
/// </summary>
public sealed class KnowledgeStore(IDbContextFactory<HelpdeskDbContext> databases) : IKnowledgeStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    private KnowledgeSnapshot _snapshot = new(DefaultCatalogue.Create(), null);
    private int _generation;
    private Seen? _checked;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<KnowledgeSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation);
        if (_checked is { } seen && seen.Generation == generation && Environment.TickCount64 - seen.At < Recheck.TotalMilliseconds)
        {
            return _snapshot;
        }

        var snapshot = await ReadAsync(cancellationToken);
        _checked = new Seen(generation, Environment.TickCount64);
        return snapshot;
    }

    private async Task<KnowledgeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var catalogueVersion = await db.CatalogueVersions.MaxAsync(v => (int?)v.Version, cancellationToken);
        var learnedVersion = await db.LearnedModels.MaxAsync(m => (int?)m.Version, cancellationToken);
        var snapshot = _snapshot;
        if ((catalogueVersion ?? DefaultCatalogue.Version) == snapshot.Catalogue.Version && learnedVersion == snapshot.Learned?.Version)
        {
            return snapshot;
        }

        var catalogue = catalogueVersion is { } version
            ? JsonSerializer.Deserialize<Catalogue>(await db.CatalogueVersions.Where(v => v.Version == version).Select(v => v.Content).SingleAsync(cancellationToken), Json)!
            : DefaultCatalogue.Create();
        var learned = learnedVersion is { } model
            ? JsonSerializer.Deserialize<LearnedWeights>(await db.LearnedModels.Where(m => m.Version == model).Select(m => m.Content).SingleAsync(cancellationToken), Json)
            : null;
        _snapshot = new KnowledgeSnapshot(catalogue, learned);
        return _snapshot;
    }

    private sealed record Seen(int Generation, long At);
}
