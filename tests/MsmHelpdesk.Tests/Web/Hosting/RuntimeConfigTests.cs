using System.Text.Json;

namespace MsmHelpdesk.Tests.Web.Hosting;

/// <summary>
/// The runtime settings the web host ships with (its runtimeconfig.json, built from MsmHelpdesk.Web.csproj): the names
/// are the ones the runtime reads, so a typo or a lost line shows here rather than as a few % more CPU.
/// </summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "MsmHelpdesk.Web.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void ShouldLetIdleThreadPoolWorkersWaitWithoutSpinning()
    {
        // Read by the thread pool's worker semaphore (PortableThreadPool.WorkerThread); 70 spins by default (decision record 0200).
        Assert.Equal(0, ConfigProperties().GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public void ShouldKeepTheGarbageCollectorSettingsOfDecisions0163And0164()
    {
        var properties = ConfigProperties();

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(5, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
