using System.Net;
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
        var port = AppProcess.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        using var app = await AppProcess.StartAsync(directory, port, http, "/health", TimeSpan.FromMinutes(3));

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
}
