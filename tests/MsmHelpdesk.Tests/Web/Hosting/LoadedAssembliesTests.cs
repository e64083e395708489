using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web.Hosting;

/// <summary>
/// What a running Kestrel host has mapped (decision record 0194): the app as its own process, so that nothing another
/// test loaded into the test process counts. Read from /proc/&lt;pid&gt;/maps, where every loaded assembly's file is mapped.
/// </summary>
public sealed class LoadedAssembliesTests
{
    private static readonly string[] NotLoadedUntilAsked =
        ["Microsoft.AspNetCore.Server.IIS.dll", "Microsoft.OpenApi.dll", "Microsoft.AspNetCore.OpenApi.dll", "Microsoft.AspNetCore.Mvc.ApiExplorer.dll"];

    [Fact]
    public async Task ShouldLoadNeitherIisIntegrationNorOpenApiUntilTheDocumentIsAsked()
    {
        Assert.True(OperatingSystem.IsLinux(), "reads /proc/<pid>/maps: the app's hosts and CI run on Linux");
        var directory = TestPaths.NewTempDirectory();
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        using var app = await StartAppAsync(directory, port, http);

        // A page and an API answer (problem JSON through the API's serializer settings) before looking.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/tickets")).StatusCode);
        var beforeTheDocument = await MappedFilesAsync(app.Process.Id);
        var document = await http.GetAsync("/openapi/v1.json");
        var afterTheDocument = await MappedFilesAsync(app.Process.Id);

        Assert.Empty(NotLoadedUntilAsked.Where(beforeTheDocument.Contains));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"/api/v1/tickets\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.OpenApi.dll", afterTheDocument);
        Assert.DoesNotContain("Microsoft.AspNetCore.Server.IIS.dll", afterTheDocument);
    }

    private static async Task<HashSet<string>> MappedFilesAsync(int processId) =>
        (await File.ReadAllLinesAsync($"/proc/{processId}/maps"))
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => Path.GetFileName(fields[5]))
            .ToHashSet(StringComparer.Ordinal);

    private static async Task<KilledOnDispose> StartAppAsync(string directory, int port, HttpClient http)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MsmHelpdesk.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment[ConfigKeys.ConnectionString.Replace(":", "__", StringComparison.Ordinal)] = $"Data Source={Path.Combine(directory, "helpdesk.db")}";
        start.Environment[ConfigKeys.AttachmentsDirectory.Replace(":", "__", StringComparison.Ordinal)] = Path.Combine(directory, "attachments");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var app = new KilledOnDispose(Process.Start(start)!);
        app.Process.OutputDataReceived += (_, _) => { };
        app.Process.ErrorDataReceived += (_, _) => { };
        app.Process.BeginOutputReadLine();
        app.Process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.Process.HasExited, "the app exited while starting");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        app.Dispose();
        throw new TimeoutException("the app did not answer /health within 3 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app's process, killed when the test leaves it (also when an assertion fails), never left running.</summary>
    private sealed record KilledOnDispose(Process Process) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }

            Process.Dispose();
        }
    }
}
