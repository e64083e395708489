using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Diagnosis;

/// <summary>
/// Learns phrase weights from the consultants' confirmations and stores them as a new learned model.
/// Sent by the daily job and the CLI ("jobs run classifier-retraining").
/// </summary>
[RequiresRole(Roles.Admin, Roles.Manager)]
public sealed record RetrainClassifierCommand : ICommand<Result<RetrainingOutcome>>;

public sealed class RetrainClassifierValidator : AbstractValidator<RetrainClassifierCommand>;

public enum RetrainingStatus { Trained, TooFewConfirmations, NothingNew }

/// <summary>What a training run did: the new model's version and size, or why none was stored.</summary>
public sealed record RetrainingOutcome(RetrainingStatus Status, int ExampleCount, int? Version, int TermCount)
{
    public string Describe() => Status switch
    {
        RetrainingStatus.Trained => $"learned model {Version} stored: {TermCount} term weights from {ExampleCount} confirmed tickets",
        RetrainingStatus.TooFewConfirmations => $"not trained: {ExampleCount} confirmed tickets, at least {ClassifierTrainer.MinimumExamples} needed",
        _ => $"not trained: nothing confirmed since learned model {Version} ({ExampleCount} confirmed tickets)",
    };
}

public sealed class RetrainClassifierHandler(IAppDbContextFactory databases, IKnowledgeStore knowledge, ILearnedModelStore models, TimeProvider clock)
    : ICommandHandler<RetrainClassifierCommand, Result<RetrainingOutcome>>
{
    private const int BatchSize = 500;

    public async ValueTask<Result<RetrainingOutcome>> Handle(RetrainClassifierCommand command, CancellationToken cancellationToken)
    {
        var snapshot = await knowledge.CurrentAsync(cancellationToken);
        var trainer = new ClassifierTrainer(new Classifier(snapshot.Catalogue));
        DateTimeOffset? newest = null;
        await using (var db = await databases.CreateAsync(cancellationToken))
        {
            for (var skip = 0; ; skip += BatchSize)
            {
                var batch = await db.Tickets.AsNoTracking()
                    .Where(t => t.ConfirmedAt != null)
                    .OrderBy(t => t.Id)
                    .Skip(skip).Take(BatchSize)
                    .Select(t => new { t.ErrorText, t.Description, t.Activity, t.Confirmed!.Scenario, t.Confirmed.Cause, t.ConfirmedAt })
                    .ToListAsync(cancellationToken);
                foreach (var ticket in batch)
                {
                    trainer.Add($"{ticket.ErrorText}\n{ticket.Description}\n{ticket.Activity}", ticket.Scenario, ticket.Cause);
                    if (newest is null || ticket.ConfirmedAt > newest)
                    {
                        newest = ticket.ConfirmedAt;
                    }
                }

                if (batch.Count < BatchSize)
                {
                    break;
                }
            }
        }

        if (trainer.ExampleCount < ClassifierTrainer.MinimumExamples)
        {
            return new RetrainingOutcome(RetrainingStatus.TooFewConfirmations, trainer.ExampleCount, null, 0);
        }

        var latest = await models.LatestAsync(cancellationToken);
        if (latest is not null && latest.ExampleCount == trainer.ExampleCount && newest <= latest.TrainedAt)
        {
            return new RetrainingOutcome(RetrainingStatus.NothingNew, trainer.ExampleCount, latest.Version, 0);
        }

        var weights = trainer.Train();
        var version = await models.AddAsync(weights, trainer.ExampleCount, clock.GetUtcNow(), cancellationToken);
        return new RetrainingOutcome(RetrainingStatus.Trained, trainer.ExampleCount, version, weights.Sum(term => term.Value.Count));
    }
}

/// <summary>
/// Per-term weights from confirmed tickets: how much more often a class follows a term than it follows any ticket
/// (lift of the smoothed P(class | term) over P(class), scaled into 0–1). A term must appear in at least
/// <see cref="MinimumSupport"/> tickets of that class and in at most half of all tickets; the strongest
/// <see cref="MaximumWeights"/> term–class pairs are kept.
/// </summary>
public sealed class ClassifierTrainer(Classifier classifier)
{
    public const int MinimumExamples = 20;
    public const int MinimumSupport = 3;
    public const int MaximumWeights = 500;
    private const double MinimumWeight = 0.1;

    private readonly Dictionary<string, int> _classCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _termCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Term, string Points), int> _pairCounts = [];

    public int ExampleCount { get; private set; }

    public void Add(string text, string scenario, string cause)
    {
        ExampleCount++;
        var points = new List<string>(2);
        if (scenario is not ("unknown" or ""))
        {
            points.Add("scenario:" + scenario);
        }

        if (cause is not ("unknown" or ""))
        {
            points.Add("cause:" + cause);
        }

        foreach (var point in points)
        {
            _classCounts[point] = _classCounts.GetValueOrDefault(point) + 1;
        }

        foreach (var term in classifier.Terms(text).Where(Useful).Distinct(StringComparer.Ordinal))
        {
            _termCounts[term] = _termCounts.GetValueOrDefault(term) + 1;
            foreach (var point in points)
            {
                _pairCounts[(term, point)] = _pairCounts.GetValueOrDefault((term, point)) + 1;
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Train()
    {
        var total = (double)ExampleCount;
        var kept = _pairCounts
            .Where(pair => pair.Value >= MinimumSupport && _termCounts[pair.Key.Term] <= total / 2)
            .Select(pair =>
            {
                var prior = _classCounts[pair.Key.Points] / total;
                var given = (pair.Value + 1.0) / (_termCounts[pair.Key.Term] + 2.0);
                var weight = prior >= 1 ? 0 : Math.Clamp((given - prior) / (1 - prior), 0, 1);
                return (pair.Key.Term, pair.Key.Points, Weight: Math.Round(weight, 3), Support: pair.Value);
            })
            .Where(pair => pair.Weight >= MinimumWeight)
            .OrderByDescending(pair => pair.Weight).ThenByDescending(pair => pair.Support)
            .ThenBy(pair => pair.Term, StringComparer.Ordinal).ThenBy(pair => pair.Points, StringComparer.Ordinal)
            .Take(MaximumWeights);
        var result = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var group in kept.GroupBy(pair => pair.Term))
        {
            result[group.Key] = group.ToDictionary(pair => pair.Points, pair => pair.Weight, StringComparer.Ordinal);
        }

        return result;
    }

    private static bool Useful(string term) => term.Length >= 3 && !term.All(char.IsDigit);
}
