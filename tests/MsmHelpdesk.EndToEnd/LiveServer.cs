using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.EndToEnd;

/// <summary>The real helpdesk on Kestrel at a free loopback port, over its own fresh SQLite database.</summary>
public sealed class LiveServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "msmhelpdesk-e2e", Guid.NewGuid().ToString("N"));

    public LiveServer()
    {
        Directory.CreateDirectory(_directory);
        UseKestrel(0);
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            // The classifier trains once per process (the host starts it); a test that types a ticket must not race it.
            Assert.True(MsmHelpdesk.Domain.Classification.Classifier.WarmUpAsync().Wait(TimeSpan.FromMinutes(4)), "the classifier did not finish training");
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(ConfigKeys.ConnectionString, $"Data Source={Path.Combine(_directory, "helpdesk.db")}");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }
}
