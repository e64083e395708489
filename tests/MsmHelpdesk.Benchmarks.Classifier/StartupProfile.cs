using System.Diagnostics;
using System.Globalization;
using MsmHelpdesk.Domain.Classification;

namespace MsmHelpdesk.Benchmarks.Classifier;

/// <summary>
/// What a fresh process pays before its first answer (<c>--startup</c>, run it as its own process): wall time from the
/// process's start to the first classification, CPU time until then, and the memory left after a full collection
/// (managed heap and the process's anonymous resident memory). Not pinned: the host trains or loads on every core.
/// </summary>
public static class StartupProfile
{
    public static void Run()
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var classifier = new Domain.Classification.Classifier(DefaultCatalogue.Create());
        var answer = classifier.Classify(new ClassificationInput(null, "faktur tidak bisa upload, sertifikat elektronik kadaluarsa", null, null, null, null));
        var wall = DateTime.UtcNow - started;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start → first answer {wall.TotalSeconds:0.000} s wall, {cpu.TotalSeconds:0.000} s CPU; after GC: managed {managed / 1048576.0:0.0} MiB, " +
            $"RssAnon {Status("RssAnon")}, RssFile {Status("RssFile")}, VmRSS {Status("VmRSS")} (answer {answer.Cause}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
    }

    private static string Status(string field) =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith(field + ":", StringComparison.Ordinal))?[(field.Length + 1)..].Trim() ?? "n/a"
            : "n/a";
}
