namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>The stored learned models (one per training run): the newest one's facts, and adding the next version.</summary>
public interface ILearnedModelStore
{
    Task<LearnedModelInfo?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="termWeights"/> as the next version (the newest plus one) and returns that version.</summary>
    Task<int> AddAsync(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> termWeights, int exampleCount, DateTimeOffset trainedAt, CancellationToken cancellationToken);
}

public sealed record LearnedModelInfo(int Version, int ExampleCount, DateTimeOffset TrainedAt);
