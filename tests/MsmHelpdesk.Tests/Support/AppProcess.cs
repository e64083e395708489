using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.Tests.Support;

/// <summary>
/// The web app as its own process (Kestrel on a loopback port, Development) over a test's data directory: for what only
/// a real process shows (a SIGKILL mid-load, what it has mapped). Killed when the test leaves it, also when an assertion
/// fails, never left running.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private AppProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>A loopback port no one listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app on <paramref name="port"/> and waits until <paramref name="readyPath"/> answers 200 through <paramref name="http"/>.</summary>
    public static async Task<AppProcess> StartAsync(string directory, int port, HttpClient http, string readyPath, TimeSpan patience)
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
        var app = new AppProcess(Process.Start(start)!);
        app.Process.OutputDataReceived += (_, _) => { };
        app.Process.ErrorDataReceived += (_, _) => { };
        app.Process.BeginOutputReadLine();
        app.Process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.Process.HasExited, "the app exited while starting");
            try
            {
                if ((await http.GetAsync(readyPath)).StatusCode == HttpStatusCode.OK)
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
        throw new TimeoutException($"the app did not answer {readyPath} within {patience.TotalSeconds:0} s");
    }

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
