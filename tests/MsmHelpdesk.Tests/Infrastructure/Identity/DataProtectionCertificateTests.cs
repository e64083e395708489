using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Identity;

public sealed class DataProtectionCertificateTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    [Fact]
    public async Task ShouldStoreKeysEncryptedWithTheConfiguredCertificateAndReadThemBackAfterARestart()
    {
        var settings = await CertificateSettingsAsync(TestCertificates.Passphrase);
        string protectedText;
        await using (var first = await TestApp.StartAsync(_directory, settings: settings))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("probe").Protect("sesi masuk");
        }

        await using var second = await TestApp.StartAsync(_directory, settings: settings);
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var stored = await db.DataProtectionKeys.Select(key => key.Xml!).ToListAsync();

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("sesi masuk", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("probe").Unprotect(protectedText));
    }

    [Fact]
    public async Task ShouldRefuseToStartWithAClearMessageWhenTheCertificateCannotBeOpened()
    {
        var wrongPassword = await CertificateSettingsAsync("bukan-sandinya");
        var missing = new Dictionary<string, string?> { [ConfigKeys.DataProtectionCertificatePath] = Path.Combine(_directory, "tidak-ada.pfx") };

        var opened = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(_directory, settings: wrongPassword));
        var absent = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(_directory, settings: missing));

        Assert.Contains(ConfigKeys.DataProtectionCertificatePassword, opened.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", absent.Message, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string?>> CertificateSettingsAsync(string password)
    {
        var path = Path.Combine(_directory, "data-protection.pfx");
        await File.WriteAllBytesAsync(path, TestCertificates.Current("CN=MsmHelpdesk data protection"));
        return new Dictionary<string, string?>
        {
            [ConfigKeys.DataProtectionCertificatePath] = path,
            [ConfigKeys.DataProtectionCertificatePassword] = password,
        };
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
