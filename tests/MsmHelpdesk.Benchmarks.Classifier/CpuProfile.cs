using System.Diagnostics;
using System.Globalization;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Benchmarks.Classifier;

/// <summary>
/// CPU time, wall time and allocations per call on the corpus tickets and on the load bench's long English bodies, and
/// the trained models' managed size: <c>--cpu</c>. On a machine shared with other work, CPU time per call is steadier
/// than BenchmarkDotNet's wall-clock means; compare builds back to back (decision 0188).
/// </summary>
public static class CpuProfile
{
    public static void Run(IReadOnlyList<ClassificationInput> corpus)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Domain.Classification.Classifier.WarmUpAsync().GetAwaiter().GetResult();
        var classifier = new Domain.Classification.Classifier(DefaultCatalogue.Create());
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained models + classifier, managed: {(after - before) / 1048576.0:0.00} MiB (load average {LoadAverage()})"));
        GC.KeepAlive(classifier);

        var bodies = LoadBenchBodies(500);
        foreach (var (name, inputs, rounds) in new[] { ("corpus tickets", corpus, 3), ("load bench bodies", (IReadOnlyList<ClassificationInput>)bodies, 3) })
        {
            foreach (var input in inputs)
            {
                classifier.Classify(input);
            }

            for (var round = 0; round < rounds; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var wall = Stopwatch.GetTimestamp();
                foreach (var input in inputs)
                {
                    classifier.Classify(input);
                }

                var wallUs = Stopwatch.GetElapsedTime(wall).TotalMicroseconds / inputs.Count;
                var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / inputs.Count;
                var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)inputs.Count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-18} round {round + 1}: {inputs.Count} calls, CPU {cpuUs,8:0.0} us/call, wall {wallUs,8:0.0} us/call, {bytes,8:0} B/call (load {LoadAverage()})"));
            }

            // What the classifier holds after the calls (what it remembers about words, decision 0197), over the models' size.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  managed after the {name}: {(GC.GetTotalMemory(forceFullCollection: true) - after) / 1048576.0:+0.00;-0.00} MiB"));
        }
    }

    /// <summary>Classifies the inputs over and over for <paramref name="duration"/> after a warm-up pass, for a sampling profiler (perf).</summary>
    public static void Spin(IReadOnlyList<ClassificationInput> inputs, TimeSpan duration)
    {
        var classifier = new Domain.Classification.Classifier(DefaultCatalogue.Create());
        foreach (var input in inputs)
        {
            classifier.Classify(input);
        }

        var calls = 0;
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            foreach (var input in inputs)
            {
                classifier.Classify(input);
            }

            calls += inputs.Count;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls} calls in {duration.TotalSeconds:0} s: {Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls:0.0} us/call wall (load {LoadAverage()})"));
    }

    /// <summary>
    /// Every answer on the corpus tickets and the load bench bodies, one line each with the probabilities round-trip
    /// exact (<c>--dump FILE</c>): two builds' files compared line by line show whether a change moved any answer.
    /// </summary>
    public static void Dump(IReadOnlyList<ClassificationInput> corpus, string path)
    {
        var classifier = new Domain.Classification.Classifier(DefaultCatalogue.Create());
        using var writer = new StreamWriter(path);
        foreach (var input in corpus.Concat(LoadBenchBodies(500)))
        {
            var answer = classifier.Classify(input);
            var evidence = answer.Evidence.Concat(answer.SystemEvidence).Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{e.Points} {e.Source} {e.Field} {e.Start}+{e.Length} {e.Weight:R} {e.Text}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{answer.Scenario} {answer.ScenarioConfidence:R} {answer.Cause} {answer.CauseConfidence:R} {answer.System} {answer.SystemConfidence:R} | {string.Join(" | ", evidence)}"));
        }
    }

    /// <summary>
    /// Texts shaped like tests/MsmHelpdesk.LoadBench/loadgen.py's tickets (subject in the error text, a 40–120-word English
    /// body in the description), from a fixed seed; the words are loadgen's.
    /// </summary>
    public static ClassificationInput[] LoadBenchBodies(int count)
    {
        string[] products = ["printer", "laptop", "VPN", "Outlook", "Teams", "SharePoint", "router", "monitor", "keyboard", "docking station",
            "payroll portal", "CRM", "ERP", "badge reader", "phone", "Wi-Fi", "firewall", "backup job", "database", "web server"];
        string[] problems = ["is not working", "keeps crashing", "is very slow", "shows an error", "cannot connect", "needs a reset",
            "lost its configuration", "rejects my password", "prints blank pages", "is making a strange noise", "will not start",
            "freezes after login", "needs an upgrade", "reports a certificate warning"];
        var words = ("access account alert application approval archive attachment audit authentication battery billing browser cable "
            + "calendar certificate client cluster compliance connection contract credential dashboard deadline deployment desktop device disk "
            + "domain download driver email encryption escalation export failure feature file firmware folder hardware incident installation "
            + "integration invoice license login mailbox maintenance memory migration mobile network notification onboarding outage password "
            + "patch permission policy power procurement profile project provisioning quota recovery release remote report request restore "
            + "schedule screen security server service session settings signature software storage subscription support synchronization "
            + "system token training transfer update upload user vendor virtual warranty webcam workflow workstation").Split(' ');
        var random = new Random(17);
        var inputs = new ClassificationInput[count];
        for (var i = 0; i < count; i++)
        {
            var product = products[random.Next(products.Length)];
            var problem = problems[random.Next(problems.Length)];
            var body = string.Join(' ', Enumerable.Range(0, random.Next(40, 121)).Select(_ => words[random.Next(words.Length)]));
            inputs[i] = new ClassificationInput(
                $"ETAX-40002: Error di Service - The {product} {problem} (ref {i})",
                $"Hello support, my {product} {problem}. {body}. Tracking token zq{i % 997}. Thanks, Alice",
                null, null, null, null);
        }

        return inputs;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
