using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>LearnedModels rows: never overwritten, each training run adds the next version.</summary>
public sealed class LearnedModelStore(IDbContextFactory<HelpdeskDbContext> databases, KnowledgeStore knowledge) : ILearnedModelStore
{
    public async Task<LearnedModelInfo?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var latest = await db.LearnedModels.AsNoTracking().OrderByDescending(m => m.Version)
            .Select(m => new { m.Version, m.ExampleCount, m.TrainedAt }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new LearnedModelInfo(latest.Version, latest.ExampleCount, latest.TrainedAt);
    }

    public async Task<int> AddAsync(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> termWeights, int exampleCount, DateTimeOffset trainedAt, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var version = (await db.LearnedModels.MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
        db.LearnedModels.Add(new LearnedModel
        {
            Version = version,
            Content = JsonSerializer.Serialize(new LearnedWeights(version, termWeights), KnowledgeStore.Json),
            TrainedAt = trainedAt,
            ExampleCount = exampleCount,
        });
        await db.SaveChangesAsync(cancellationToken);
        knowledge.Invalidate();
        return version;
    }
}
