using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Hosting;
using static MsmHelpdesk.Tests.Web.Api.ApiTestClient;

namespace MsmHelpdesk.Tests.Web.Hosting;

[Collection(ProcessWideCollection.Name)]
public sealed class IdleTrimTests
{
    private static readonly IdleTrimSettings OneMinute = new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15));

    [Fact]
    public void ShouldTrimOnceAQuietMinuteHasPassedAndAgainOnlyAfterNewActivity()
    {
        var clock = new FakeTimeProvider();
        var idle = new IdleTrim(clock, OneMinute, NullLogger<IdleTrim>.Instance);

        clock.Advance(TimeSpan.FromSeconds(59));
        var early = idle.TrimIfIdle();
        clock.Advance(TimeSpan.FromSeconds(1));
        var onTime = idle.TrimIfIdle();
        clock.Advance(TimeSpan.FromMinutes(5));
        var stillQuiet = idle.TrimIfIdle();
        idle.Begin().Dispose();
        clock.Advance(TimeSpan.FromSeconds(30));
        var soonAfterRequest = idle.TrimIfIdle();
        clock.Advance(TimeSpan.FromSeconds(30));
        var minuteAfterRequest = idle.TrimIfIdle();

        Assert.Equal([false, true, false, false, true], [early, onTime, stillQuiet, soonAfterRequest, minuteAfterRequest]);
        Assert.Equal(2, idle.Trims);
    }

    [Fact]
    public void ShouldNotTrimWhileARequestRunsHoweverLongItTakes()
    {
        var clock = new FakeTimeProvider();
        var idle = new IdleTrim(clock, OneMinute, NullLogger<IdleTrim>.Instance);

        var request = idle.Begin();
        clock.Advance(TimeSpan.FromMinutes(10));
        var whileRunning = idle.TrimIfIdle();
        request.Dispose();
        request.Dispose();
        clock.Advance(TimeSpan.FromSeconds(59));
        var justAfter = idle.TrimIfIdle();
        clock.Advance(TimeSpan.FromSeconds(1));
        var aMinuteAfter = idle.TrimIfIdle();

        Assert.Equal([false, false, true], [whileRunning, justAfter, aMinuteAfter]);
    }

    [Fact]
    public void ShouldSettleFiveQuietSecondsAfterCircuitsOpenedWithoutClosingConnectionsAndOnlyOnce()
    {
        var clock = new FakeTimeProvider();
        var idle = new IdleTrim(clock, OneMinute, NullLogger<IdleTrim>.Instance);

        clock.Advance(TimeSpan.FromSeconds(10));
        var noCircuit = idle.SettleIfQuiet();
        idle.NoteCircuitOpened();
        idle.Begin().Dispose();
        clock.Advance(TimeSpan.FromSeconds(4));
        var tooSoon = idle.SettleIfQuiet();
        var request = idle.Begin();
        clock.Advance(TimeSpan.FromSeconds(10));
        var whileRunning = idle.SettleIfQuiet();
        request.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        var quiet = idle.SettleIfQuiet();
        clock.Advance(TimeSpan.FromSeconds(5));
        var again = idle.SettleIfQuiet();

        Assert.Equal([false, false, false, true, false], [noCircuit, tooSoon, whileRunning, quiet, again]);
        Assert.Equal((1, 0), (idle.Settles, idle.Trims));
    }

    [Fact]
    public void ShouldNotSettleWhatTheTrimAlreadyCollectedNorWhenTrimsAreOff()
    {
        var clock = new FakeTimeProvider();
        var idle = new IdleTrim(clock, OneMinute, NullLogger<IdleTrim>.Instance);
        var off = new IdleTrim(clock, new IdleTrimSettings(TimeSpan.Zero, TimeSpan.FromSeconds(1)), NullLogger<IdleTrim>.Instance);

        idle.NoteCircuitOpened();
        off.NoteCircuitOpened();
        clock.Advance(TimeSpan.FromMinutes(2));
        var trimmed = idle.TrimIfIdle();
        var afterTrim = idle.SettleIfQuiet();
        var whenOff = off.SettleIfQuiet();

        Assert.Equal([true, false, false], [trimmed, afterTrim, whenOff]);
    }

    [Theory]
    [InlineData(null, 60, 2)]
    [InlineData("20", 20, 2)]
    [InlineData("2", 2, 1)]
    [InlineData("0", 0, 1)]
    public void ShouldReadTheQuietSpellFromConfigurationWithAMinuteByDefault(string? seconds, int after, int checkEvery)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.IdleTrimAfterSeconds] = seconds })
            .Build();

        Assert.Equal(new IdleTrimSettings(TimeSpan.FromSeconds(after), TimeSpan.FromSeconds(checkEvery)), IdleTrimSettings.From(configuration));
    }

    /// <summary>With a memory map configured (none by default, decision record 0196), the trim unmaps the file too.</summary>
    [Fact]
    public async Task ShouldUnmapTheDatabaseWhenQuietAndServeTheNextRequestFromIt()
    {
        var clock = new FakeTimeProvider();
        await using var factory = new HelpdeskWebFactory();
        await using var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting(ConfigKeys.SqliteMmapSizeMiB, "256")
            .ConfigureTestServices(services => services.AddSingleton(new IdleTrim(clock, OneMinute, NullLogger<IdleTrim>.Instance))));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await CreateKeyAsync(app.Services));
        var npwp = await CreateClientAsync(client, 7);
        var idle = app.Services.GetRequiredService<IdleTrim>();
        var database = Path.Combine(Path.GetDirectoryName(app.Services.GetRequiredService<IConfiguration>()[ConfigKeys.ConnectionString]!["Data Source=".Length..])!, "helpdesk.db");

        var created = await PostJsonAsync(client, "/api/v1/tickets", new { clientNpwp = npwp, errorText = "ETAX-40002: Error di Service", channel = "WhatsApp" });
        var mappedWhileBusy = MapsFile(database);
        await client.GetAsync(IdleTrimRegistration.HealthPath);
        clock.Advance(TimeSpan.FromSeconds(61));
        await WaitUntilAsync(() => idle.Trims == 1 || idle.TrimIfIdle());
        await WaitUntilAsync(() => !MapsFile(database));
        var list = await client.GetAsync("/api/v1/tickets?page=1&pageSize=25");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(mappedWhileBusy, "the database should be memory-mapped after a request");
        Assert.Equal(1, idle.Trims);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, (await JsonAsync(list)).GetProperty("totalCount").GetInt32());
        Assert.True(MapsFile(database), "the next request maps the database again");
    }

    /// <summary>A key written as the create command writes it, in this app (the factory's own host is never started).</summary>
    private static async Task<string> CreateKeyAsync(IServiceProvider services)
    {
        var key = ApiKeySecret.NewKey();
        await using var db = await services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        db.ApiKeys.Add(ApiKey.Create("Portal klien", Roles.Consultant, ApiKeySecret.PrefixOf(key)!, ApiKeySecret.Hash(key), "test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Whether this process has the file memory-mapped (SQLite's mmap_size map of an open connection).</summary>
    private static bool MapsFile(string path) =>
        File.ReadLines("/proc/self/maps").Any(line => line.EndsWith(" " + path, StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
