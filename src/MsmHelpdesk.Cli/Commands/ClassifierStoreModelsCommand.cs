using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>A developer's verb: trains the classifier's shipped models and stores them for the Domain assembly (decision 0193).</summary>
public sealed class ClassifierStoreModelsCommand : ICliCommand
{
    public string Verb => "classifier store-models";

    public string Usage => """
        msmhelpdesk classifier store-models --out FILE
            Train the classifier's text models on the shipped corpus and write them with their key (a hash of the
            corpus, the settings and the format) to FILE. After a corpus or classifier change:
            src/MsmHelpdesk.Domain/Classification/store-models.sh, then rebuild.
        """;

    public bool NeedsDatabase => false;

    public async Task<int> RunAsync(CliContext context)
    {
        var output = context.Option("out");
        if (string.IsNullOrWhiteSpace(output) || context.Arguments.Count > 0)
        {
            await context.Error.WriteLineAsync("usage: " + Usage);
            return CliApp.Usage;
        }

        // Trained in full before the file is touched: a failed training leaves the old file.
        var models = new MemoryStream();
        var key = Classifier.StoreDefaultModels(models);
        var path = Path.GetFullPath(output);
        await File.WriteAllBytesAsync(path, models.ToArray());
        await context.Output.WriteLineAsync($"Models written to {path}: {models.Length} bytes, key {key}.");
        return CliApp.Ok;
    }
}
