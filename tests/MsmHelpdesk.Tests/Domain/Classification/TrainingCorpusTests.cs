using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Domain.Classification;

/// <summary>
/// The training corpus ships as files next to the application, not inside the Domain assembly (decision 0199): read through
/// a file, its pages are the page cache's, not resident in the process's mapping of the assembly.
/// </summary>
public sealed class TrainingCorpusTests
{
    [Fact]
    public void ShouldShipTheTrainAndDevFilesNextToTheApplicationAsTheyAreInTheRepository()
    {
        var shipped = new Dictionary<string, string>
        {
            ["corpus.jsonl"] = "corpus.jsonl",
            ["train.jsonl"] = "train.jsonl",
            ["dev.jsonl"] = "dev.jsonl",
            ["coretax-train.jsonl"] = "coretax/train.jsonl",
            ["coretax-dev.jsonl"] = "coretax/dev.jsonl",
        };

        Assert.Equal(shipped.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(TrainingCorpus.FolderPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (file, source) in shipped)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(TrainingCorpus.FolderPath, file)).AsSpan().SequenceEqual(File.ReadAllBytes(CorpusTests.CorpusFile(source))),
                $"{file} is not the repository's {source}");
        }
    }

    [Fact]
    public void ShouldReadEveryNamedFileAndKeepNoneInTheAssembly()
    {
        var tickets = TrainingCorpus.Load();

        Assert.Equal(5, TrainingCorpus.Names().Count());
        Assert.True(tickets.Count > 10_000, $"{tickets.Count} tickets");
        Assert.DoesNotContain(typeof(Classifier).Assembly.GetManifestResourceNames(), name => name.EndsWith(".jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldSayWhereItLookedWhenACorpusFileIsMissing()
    {
        var folder = TestPaths.NewTempDirectory();
        File.Copy(Path.Combine(TrainingCorpus.FolderPath, "coretax-dev.jsonl"), Path.Combine(folder, "coretax-dev.jsonl"));

        var missing = Assert.Throws<FileNotFoundException>(() => TrainingCorpus.Load(folder));

        Assert.Equal(Path.Combine(folder, "coretax-train.jsonl"), missing.FileName);
        Assert.Contains(Path.Combine(folder, "coretax-train.jsonl"), missing.Message, StringComparison.Ordinal);
        Assert.Contains("build or publish the application again", missing.Message, StringComparison.Ordinal);
    }
}
