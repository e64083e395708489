namespace MsmHelpdesk.Domain.Classification;

/// <summary>How the text models are fitted (<see cref="TextModel.Train"/>); part of the stored models' key (decision 0193).</summary>
/// <remarks>Decay chosen by 5-fold cross-validation on the train split (decisions 0101, 0106: scenario 0.008 → 0.002 with writers G–J).</remarks>
internal sealed record TrainingSettings(int MinimumCount = 2, double ScenarioL2 = 0.002, double CauseL2 = 0.004, double SystemL2 = 0.008, int Epochs = 150)
{
    /// <summary>The shipped models' settings.</summary>
    public static TrainingSettings Default { get; } = new();
}
