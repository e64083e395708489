using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>The error-code catalogue and learned phrase weights in force now (the seeded default on a fresh database).</summary>
public interface IKnowledgeStore
{
    Task<KnowledgeSnapshot> CurrentAsync(CancellationToken cancellationToken);
}

public sealed record KnowledgeSnapshot(Catalogue Catalogue, LearnedWeights? Learned);
