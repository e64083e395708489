using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Benchmarks.Classifier;

/// <summary>
/// Measures <see cref="Domain.Classification.Classifier.Classify"/> on one core:
/// <c>dotnet run -c Release --project tests/MsmHelpdesk.Benchmarks.Classifier</c>. First BenchmarkDotNet (mean per
/// ticket, P95/P99 of the iteration means), then a per-call latency profile (P50/P99/max of single calls), which
/// is what "p99 under 2 ms per ticket" is about. <c>--latency</c> runs only the profile; <c>--cpu</c> only
/// <see cref="CpuProfile"/> (CPU time, allocations and the models' memory); <c>--startup</c> only
/// <see cref="StartupProfile"/> (a fresh process's first answer);
/// <c>--spin [bench|corpus]</c> classifies the load bench's tickets (or the corpus) for 15 s, for a profiler.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--startup"))
        {
            StartupProfile.Run();
            return 0;
        }

        var core = PinToOneCore();
        Console.WriteLine($"Pinned to core {core} of {Environment.ProcessorCount}.");
        if (Array.IndexOf(args, "--dump") is var dump and >= 0 && dump + 1 < args.Length)
        {
            CpuProfile.Dump(Corpus.Load(), args[dump + 1]);
            return 0;
        }

        if (Array.IndexOf(args, "--spin") is var spin and >= 0)
        {
            CpuProfile.Spin(spin + 1 < args.Length && args[spin + 1] == "corpus" ? Corpus.Load() : CpuProfile.LoadBenchBodies(500), TimeSpan.FromSeconds(15));
            return 0;
        }

        if (args.Contains("--cpu"))
        {
            CpuProfile.Run(Corpus.Load());
            return 0;
        }

        if (!args.Contains("--latency"))
        {
            BenchmarkRunner.Run<ClassifyBenchmarks>(new OneCoreConfig(), args);
        }

        LatencyProfile.Run(Corpus.Load());
        return 0;
    }

    /// <summary>
    /// The in-process toolchain cannot set a job's affinity, and an out-of-process one would build a generated
    /// project inside this repository (its props would add xunit and warnings-as-errors), so the process pins itself.
    /// </summary>
    private static int PinToOneCore()
    {
        var core = Environment.ProcessorCount - 1;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = (nint)(1L << core);
        }

        return core;
    }
}

public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(30)
            .WithId("OneCore"));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        WithOptions(ConfigOptions.JoinSummary);
    }
}

/// <summary>A percentile of the iteration means, in microseconds (BenchmarkDotNet has P95 and P100 built in, not P99).</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"P{percentile}";

    public string ColumnName => $"P{percentile} [us]";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{percentile}th percentile of the per-iteration means, in microseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? (statistics.Percentiles.Percentile(percentile) / 1000).ToString("N3", CultureInfo.InvariantCulture)
            : "NA";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

[Config(typeof(OneCoreConfig))]
public class ClassifyBenchmarks
{
    private const int Tickets = 200;
    private Domain.Classification.Classifier _classifier = null!;
    private ClassificationInput[] _inputs = [];
    private ClassificationInput _long = null!;
    private ClassificationInput _bench = null!;
    private ClassificationInput _short = null!;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = new Domain.Classification.Classifier(DefaultCatalogue.Create());
        var corpus = Corpus.Load();
        if (corpus.Count < Tickets)
        {
            throw new InvalidOperationException($"The corpus has {corpus.Count} tickets, fewer than {Tickets}.");
        }

        _inputs = [.. corpus.Where((_, i) => i % (corpus.Count / Tickets) == 0).Take(Tickets)]; // spread over old and new texts
        _long = Corpus.LongTicket(corpus);
        _bench = Corpus.BenchTicket();
        _short = Corpus.ShortTicket;
    }

    /// <summary>One ticket shaped like the load bench's (an error text and a 94-word English body; see <see cref="Corpus.BenchTicket"/>).</summary>
    [Benchmark]
    public int ClassifyBenchTicket() => _classifier.Classify(_bench).Evidence.Count;

    /// <summary>A short ticket: one sentence in Indonesian, an error code in the error text.</summary>
    [Benchmark]
    public int ClassifyShortTicket() => _classifier.Classify(_short).Evidence.Count;

    /// <summary>One ticket of the corpus, averaged over 200 different ones.</summary>
    [Benchmark(OperationsPerInvoke = Tickets)]
    public int ClassifyCorpusTicket()
    {
        var found = 0;
        foreach (var input in _inputs)
        {
            found += _classifier.Classify(input).Evidence.Count;
        }

        return found;
    }

    /// <summary>A long consultant's note (30 corpus texts in one description, about 2,000 characters).</summary>
    [Benchmark]
    public int ClassifyLongTicket() => _classifier.Classify(_long).Evidence.Count;

    /// <summary>Building the classifier (done once per catalogue version).</summary>
    [Benchmark]
    public object BuildClassifier() => new Domain.Classification.Classifier(DefaultCatalogue.Create());
}

public static class LatencyProfile
{
    public static void Run(IReadOnlyList<ClassificationInput> corpus)
    {
        var classifier = new Domain.Classification.Classifier(DefaultCatalogue.Create());
        // About 200,000 timed calls per set (a few warm-up passes first): ~30 s per set on one core.
        Run(classifier, corpus, "corpus tickets", 3, Math.Max(1, 200_000 / corpus.Count));
        Run(classifier, CpuProfile.LoadBenchBodies(500), "load bench tickets", 3, 400);
    }

    private static void Run(Domain.Classification.Classifier classifier, IReadOnlyList<ClassificationInput> inputs, string name, int warmUp, int passes)
    {
        for (var pass = 0; pass < warmUp; pass++)
        {
            foreach (var input in inputs)
            {
                classifier.Classify(input);
            }
        }

        var samples = new double[inputs.Count * passes];
        var gcBefore = GC.CollectionCount(0);
        var n = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var input in inputs)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Classify(input);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        var gen0 = GC.CollectionCount(0) - gcBefore;
        Array.Sort(samples);
        double At(double p) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(p * samples.Length) - 1)];
        Console.WriteLine();
        Console.WriteLine($"Per-call latency, {samples.Length:N0} calls ({passes} passes over {inputs.Count} {name}), one core, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}:");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  mean {samples.Average():0.0} us | p50 {At(0.50):0.0} us | p90 {At(0.90):0.0} us | p99 {At(0.99):0.0} us | p99.9 {At(0.999):0.0} us | max {samples[^1]:0.0} us | gen0 GCs {gen0}"));
    }
}

public static class Corpus
{
    public static IReadOnlyList<ClassificationInput> Load()
    {
        // The old corpus and the writers' train and dev splits, ETAX and Coretax (longer, chattier texts); never a frozen test split.
        return new[] { "corpus.jsonl", "train.jsonl", "dev.jsonl", "coretax-train.jsonl", "coretax-dev.jsonl" }
            .SelectMany(name => File.ReadLines(Path.Combine(AppContext.BaseDirectory, name)))
            .Where(line => !string.IsNullOrWhiteSpace(line)).Select(Parse).ToList();
    }

    /// <summary>A short ticket: one sentence in Indonesian, an error code in the error text.</summary>
    public static readonly ClassificationInput ShortTicket =
        new("ETAX-40002", "upload faktur gagal, sertifikat elektronik expired kemarin", null, null, null, null);

    /// <summary>The first of the load bench's bodies (<see cref="CpuProfile.LoadBenchBodies"/>) with a 94-word description, the bench's mean.</summary>
    public static ClassificationInput BenchTicket() =>
        CpuProfile.LoadBenchBodies(500).First(input => input.Description!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 94);

    public static ClassificationInput LongTicket(IReadOnlyList<ClassificationInput> corpus) =>
        new(null, string.Join(" ", corpus.Take(30).Select(input => input.Description)), null, null, null, null);

    private static ClassificationInput Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new ClassificationInput(
            null,
            Text("text"),
            Text("activity"),
            Text("certificateIssuedOn") is { } issued ? DateOnly.Parse(issued, CultureInfo.InvariantCulture) : null,
            Text("certificateExpiresOn") is { } expires ? DateOnly.Parse(expires, CultureInfo.InvariantCulture) : null,
            Text("reportedAt") is { } reported ? DateTimeOffset.Parse(reported, CultureInfo.InvariantCulture) : null,
            root.TryGetProperty("recentSameCodeReports", out var reports) ? reports.GetInt32() : 0);
    }
}
