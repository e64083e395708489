using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.ApiKeys;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.ApiKeys;

public sealed class ApiKeyTests
{
    public ApiKeyTests() => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("id-ID");

    [Fact]
    public async Task ShouldReturnTheKeyOnceAndStoreOnlyItsHashAndPrefix()
    {
        await using var app = await TestApp.StartAsync();

        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "  Portal klien ", Role = Roles.Consultant })).Value;
        var row = await app.QueryDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync());

        Assert.Matches("^msm_[a-z0-9]{8}_[A-Za-z0-9]{40}$", created.Key);
        Assert.Equal(created.Key[..12], created.Prefix);
        Assert.Equal("Portal klien", row.Name);
        Assert.Equal(Roles.Consultant, row.Role);
        Assert.Equal(created.Prefix, row.Prefix);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key))), row.Hash);
        Assert.Equal("admin-1", row.CreatedBy);
        Assert.DoesNotContain(created.Key[12..], row.Hash + row.Prefix + row.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldMakeADifferentKeyEveryTime()
    {
        await using var app = await TestApp.StartAsync();

        var first = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "ERP", Role = Roles.Manager })).Value;
        var second = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "ERP", Role = Roles.Manager })).Value;

        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.Prefix, second.Prefix);
    }

    [Fact]
    public async Task ShouldNameEachBadFieldWhenCreating()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = " ", Role = "Boss" });

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["Wajib diisi."], result.Error.FieldErrors["Name"]);
        Assert.Equal(["Peran tidak dikenal: Boss."], result.Error.FieldErrors["Role"]);
        Assert.Equal(0, await app.QueryDbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task ShouldListKeysActiveFirstWithoutSecrets()
    {
        await using var app = await TestApp.StartAsync();
        var old = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Lama", Role = Roles.Consultant })).Value;
        await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Baru", Role = Roles.Admin });
        await app.SendAsync(TestCurrentUser.Admin(), new RevokeApiKeyCommand { Id = old.Id });

        var keys = (await app.SendAsync(TestCurrentUser.Admin(), new ListApiKeysQuery())).Value;

        Assert.Equal(["Baru", "Lama"], keys.Select(k => k.Name));
        Assert.True(keys[0].IsActive);
        Assert.NotNull(keys[1].RevokedAt);
        Assert.Null(keys[1].LastUsedAt);
        Assert.DoesNotContain(typeof(ApiKeySummary).GetProperties(), property => property.Name is "Key" or "Hash");
    }

    [Fact]
    public async Task ShouldVerifyAGoodKeyAsItsIntegration()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;

        var verified = await Verifier(app, TimeProvider.System).VerifyAsync(created.Key, CancellationToken.None);

        Assert.Equal(new VerifiedApiKey(created.Id, "Portal", Roles.Manager), verified);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("msm_")]
    public async Task ShouldRefuseAMalformedKey(string? presented)
    {
        await using var app = await TestApp.StartAsync();
        await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager });

        Assert.Null(await Verifier(app, TimeProvider.System).VerifyAsync(presented, CancellationToken.None));
    }

    [Fact]
    public async Task ShouldRefuseAKeyWhoseSecretIsWrongEvenWithARealPrefix()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;
        var forged = created.Prefix + "_" + new string('A', ApiKeySecret.SecretLength);

        Assert.Null(await Verifier(app, TimeProvider.System).VerifyAsync(forged, CancellationToken.None));
    }

    [Fact]
    public async Task ShouldRefuseARevokedKeyAndKeepTheFirstRevocationTime()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;

        var first = await app.SendAsync(TestCurrentUser.Admin(), new RevokeApiKeyCommand { Id = created.Id });
        var revokedAt = await app.QueryDbAsync(db => db.ApiKeys.Select(k => k.RevokedAt).SingleAsync());
        var again = await app.SendAsync(TestCurrentUser.Admin(), new RevokeApiKeyCommand { Id = created.Id });

        Assert.True(first.IsSuccess);
        Assert.True(again.IsSuccess);
        Assert.Equal(revokedAt, await app.QueryDbAsync(db => db.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
        Assert.Null(await Verifier(app, TimeProvider.System).VerifyAsync(created.Key, CancellationToken.None));
    }

    [Fact]
    public async Task ShouldAnswerNotFoundWhenRevokingAnUnknownKey()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.SendAsync(TestCurrentUser.Admin(), new RevokeApiKeyCommand { Id = Guid.NewGuid() });

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("Kunci API tidak ditemukan.", result.Error.Message);
    }

    [Fact]
    public async Task ShouldRecordUseAtMostOnceAMinuteAndWriteItInTheBackground()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        var usage = new ApiKeyUsage(app.Services.GetRequiredService<IAppDbContextFactory>());
        var verifier = new ApiKeyVerifier(app.Services.GetRequiredService<IAppDbContextFactory>(), usage, new ApiKeyCache(clock), clock);
        Task<DateTimeOffset?> LastUsedAsync() => app.QueryDbAsync(db => db.ApiKeys.Select(k => k.LastUsedAt).SingleAsync());

        await verifier.VerifyAsync(created.Key, CancellationToken.None);
        var beforeTheFlush = await LastUsedAsync();
        Assert.Equal(1, await usage.FlushAsync(CancellationToken.None));
        var first = await LastUsedAsync();
        clock.Now = clock.Now.AddSeconds(59);
        await verifier.VerifyAsync(created.Key, CancellationToken.None);
        Assert.Equal(0, await usage.FlushAsync(CancellationToken.None));
        var withinTheMinute = await LastUsedAsync();
        clock.Now = clock.Now.AddSeconds(1);
        await verifier.VerifyAsync(created.Key, CancellationToken.None);
        var unflushed = await LastUsedAsync();
        clock.Now = clock.Now.AddSeconds(30);
        await verifier.VerifyAsync(created.Key, CancellationToken.None);
        Assert.Equal(1, await usage.FlushAsync(CancellationToken.None));

        Assert.Null(beforeTheFlush);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(first, withinTheMinute);
        Assert.Equal(first, unflushed);
        // Within a minute of the pending stamp nothing newer is recorded: the written stamp is the minute's first use.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 3, 1, 0, TimeSpan.Zero), await LastUsedAsync());
    }

    [Fact]
    public async Task ShouldRefuseAKeyRevokedInThisProcessAtOnceThoughItWasCached()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;
        var other = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "ERP", Role = Roles.Consultant })).Value;
        var verifier = Verifier(app, TimeProvider.System, app.Services.GetRequiredService<ApiKeyCache>());
        Assert.NotNull(await verifier.VerifyAsync(created.Key, CancellationToken.None));
        Assert.NotNull(await verifier.VerifyAsync(other.Key, CancellationToken.None));

        await app.SendAsync(TestCurrentUser.Admin(), new RevokeApiKeyCommand { Id = created.Id });

        Assert.Null(await verifier.VerifyAsync(created.Key, CancellationToken.None));
        Assert.Equal(new VerifiedApiKey(other.Id, "ERP", Roles.Consultant), await verifier.VerifyAsync(other.Key, CancellationToken.None));
    }

    [Fact]
    public async Task ShouldTrustACachedKeyForItsLifetimeOnlyWhenAnotherProcessRevokesIt()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        var verifier = Verifier(app, clock, new ApiKeyCache(clock));
        Assert.NotNull(await verifier.VerifyAsync(created.Key, CancellationToken.None));

        // Another node (or the CLI) revokes the key: this process hears nothing of it.
        var revokedAt = clock.GetUtcNow();
        await app.QueryDbAsync(db => db.ApiKeys.Where(k => k.Id == created.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, revokedAt)));
        clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromMilliseconds(1));
        var withinTheLifetime = await verifier.VerifyAsync(created.Key, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var afterIt = await verifier.VerifyAsync(created.Key, CancellationToken.None);

        Assert.Equal(new VerifiedApiKey(created.Id, "Portal", Roles.Manager), withinTheLifetime);
        Assert.Null(afterIt);
    }

    [Fact]
    public async Task ShouldNotKeepARowReadBeforeARevocationThatEndedFirst()
    {
        await using var app = await TestApp.StartAsync();
        var created = (await app.SendAsync(TestCurrentUser.Admin(), new CreateApiKeyCommand { Name = "Portal", Role = Roles.Manager })).Value;
        var cache = new ApiKeyCache(TimeProvider.System);
        var hash = ApiKeySecret.Hash(created.Key);

        // A verification read the row (generation taken), the revocation forgot the key, then the verification keeps what it read.
        var generation = cache.Generation;
        cache.Forget(created.Id);
        cache.Keep(hash, new VerifiedApiKey(created.Id, "Portal", Roles.Manager), null, generation);
        var stale = cache.Find(hash);
        cache.Keep(hash, new VerifiedApiKey(created.Id, "Portal", Roles.Manager), null, cache.Generation);

        Assert.Null(stale);
        Assert.NotNull(cache.Find(hash));
    }

    private static ApiKeyVerifier Verifier(TestApp app, TimeProvider clock, ApiKeyCache? cache = null) =>
        new(app.Services.GetRequiredService<IAppDbContextFactory>(), new ApiKeyUsage(app.Services.GetRequiredService<IAppDbContextFactory>()), cache ?? new ApiKeyCache(clock), clock);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
