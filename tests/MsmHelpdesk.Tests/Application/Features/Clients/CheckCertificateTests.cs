using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Clients;

/// <summary>Real .p12 files, checked through the mediator against a real database.</summary>
public sealed class CheckCertificateTests
{
    private static readonly DateTimeOffset ExpiredFrom = new(2023, 1, 10, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiredUntil = new(2025, 1, 10, 5, 0, 0, TimeSpan.Zero);

    public CheckCertificateTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        CultureInfo.CurrentCulture = new CultureInfo("id-ID");
    }

    [Fact]
    public async Task ShouldReportValidUntilItsLastDayAndTakeItsDatesWhenTheSubjectCarriesTheClientsNpwp()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);
        var from = DateTimeOffset.UtcNow.AddDays(-30);
        var until = DateTimeOffset.UtcNow.AddDays(700);

        var result = await app.SendAsync(budi, Check(clientId, TestCertificates.Pkcs12(TestCertificates.MajuJaya, from, until)));
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        var lastDay = WibDate(until);
        Assert.Equal(CertificateCheckOutcome.Valid, result.Value.Outcome);
        Assert.Equal(
            $"Berlaku sampai {lastDay.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}. Tanggal terbit dan kedaluwarsa sertifikat klien diperbarui dari sertifikat.",
            result.Value.Message);
        Assert.True(result.Value.ClientDatesUpdated);
        Assert.Equal("01.234.567.4-901.000", result.Value.SubjectNpwpFormatted);
        Assert.Equal(WibDate(from), client.CertificateIssuedOn);
        Assert.Equal(lastDay, client.CertificateExpiresOn);
        Assert.Equal(CertificateState.Valid, client.CertificateState);
        Assert.Equal(CertificateCheckOutcome.Valid, client.LastCertificateCheck!.Outcome);
        Assert.Equal("Budi", client.LastCertificateCheck.CheckedByName);
        Assert.StartsWith("Berlaku sampai ", client.LastCertificateCheck.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldReportExpiredWithItsDateWhenItsLastDayHasPassed()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);

        var result = await app.SendAsync(budi, Check(clientId, TestCertificates.Pkcs12(TestCertificates.MajuJaya, ExpiredFrom, ExpiredUntil)));
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        Assert.Equal(CertificateCheckOutcome.Expired, result.Value.Outcome);
        Assert.StartsWith("Sertifikat kedaluwarsa pada 10 Jan 2025.", result.Value.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 1, 10), result.Value.NotAfter);
        Assert.Equal(new DateOnly(2023, 1, 10), client.CertificateIssuedOn);
        Assert.Equal(new DateOnly(2025, 1, 10), client.CertificateExpiresOn);
        Assert.Equal(CertificateState.Expired, client.CertificateState);
        Assert.Equal("Sertifikat kedaluwarsa pada 10 Jan 2025.", client.LastCertificateCheck!.Message);
    }

    [Fact]
    public async Task ShouldReportWrongPassphraseWhenItDiffersEvenOnlyInCase()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);
        var before = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        var result = await app.SendAsync(budi, Check(clientId, TestCertificates.Current(), TestCertificates.Passphrase.ToLowerInvariant()));
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        Assert.Equal(CertificateCheckOutcome.WrongPassphrase, result.Value.Outcome);
        Assert.Equal("Passphrase salah (huruf besar dan kecil dibedakan).", result.Value.Message);
        Assert.Null(result.Value.NotAfter);
        Assert.Null(client.CertificateIssuedOn);
        Assert.Equal(before.Version, client.Version);
        Assert.Equal(CertificateCheckOutcome.WrongPassphrase, client.LastCertificateCheck!.Outcome);
    }

    [Theory]
    [InlineData(Damage.Truncated)]
    [InlineData(Damage.HeaderFlipped)]
    [InlineData(Damage.SecondHalfOnly)]
    [InlineData(Damage.RandomBytes)]
    [InlineData(Damage.TextFile)]
    public async Task ShouldReportCorruptWhenTheFileIsDamagedOrNoPkcs12(Damage damage)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);

        var result = await app.SendAsync(budi, Check(clientId, TestCertificates.Damaged(TestCertificates.Current(), damage)));
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        Assert.Equal(CertificateCheckOutcome.Corrupt, result.Value.Outcome);
        Assert.Equal("Berkas rusak atau bukan sertifikat .p12.", result.Value.Message);
        Assert.Equal(CertificateCheckOutcome.Corrupt, client.LastCertificateCheck!.Outcome);
        Assert.Null(client.CertificateExpiresOn);
    }

    [Fact]
    public async Task ShouldReportNpwpMismatchAndKeepTheClientsDatesWhenTheCertificateIsAnotherTaxpayers()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);
        var other = TestCertificates.Pkcs12("CN=021234562011001, O=CV SENTOSA MAKMUR", ExpiredFrom, DateTimeOffset.UtcNow.AddDays(300));

        var result = await app.SendAsync(budi, Check(clientId, other));
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        Assert.Equal(CertificateCheckOutcome.NpwpMismatch, result.Value.Outcome);
        Assert.Equal("NPWP di sertifikat (02.123.456.2-011.001) berbeda dengan NPWP klien (01.234.567.4-901.000).", result.Value.Message);
        Assert.False(result.Value.ClientDatesUpdated);
        Assert.Null(client.CertificateIssuedOn);
        Assert.Equal("02.123.456.2-011.001", client.LastCertificateCheck!.SubjectNpwpFormatted);
    }

    [Fact]
    public async Task ShouldReportNpwpMismatchWhenTheCertificateNamesNoNpwp()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);

        var result = await app.SendAsync(budi, Check(clientId, TestCertificates.Current("CN=PT MAJU JAYA, O=Tanpa Nomor, C=ID")));

        Assert.Equal(CertificateCheckOutcome.NpwpMismatch, result.Value.Outcome);
        Assert.Equal("NPWP tidak ditemukan di sertifikat; NPWP klien 01.234.567.4-901.000.", result.Value.Message);
        Assert.Null(result.Value.SubjectNpwpFormatted);
    }

    [Theory]
    [InlineData("CN=01.234.567.4-901.000, O=PT MAJU JAYA", null)]
    [InlineData("CN=012345674901000", null)]
    [InlineData("CN=PT MAJU JAYA, OU=0012345674901000", null)]
    [InlineData("CN=PT MAJU JAYA", "0012345674901000@efaktur.pajak.go.id")]
    public async Task ShouldReportValidWhenTheNpwpIsInAnyFormOrPlaceOfTheSubject(string subject, string? alternativeEmail)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);
        var certificate = TestCertificates.Pkcs12(subject, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(729), alternativeEmail: alternativeEmail);

        var result = await app.SendAsync(budi, Check(clientId, certificate));

        Assert.Equal(CertificateCheckOutcome.Valid, result.Value.Outcome);
        Assert.Equal("01.234.567.4-901.000", result.Value.SubjectNpwpFormatted);
    }

    [Theory]
    [InlineData(Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1)]
    [InlineData(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256)]
    public async Task ShouldReadBothTheClassicAndTheModernPkcs12Encryption(Pkcs12ExportPbeParameters encryption)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);
        var certificate = TestCertificates.Pkcs12(TestCertificates.MajuJaya, ExpiredFrom, ExpiredUntil, encryption: encryption);

        var right = await app.SendAsync(budi, Check(clientId, certificate));
        var wrong = await app.SendAsync(budi, Check(clientId, certificate, "Bukan" + TestCertificates.Passphrase));

        Assert.Equal(CertificateCheckOutcome.Expired, right.Value.Outcome);
        Assert.Equal(CertificateCheckOutcome.WrongPassphrase, wrong.Value.Outcome);
    }

    [Fact]
    public async Task ShouldRefuseAMissingFileATooLargeFileAndAMissingPassphrase()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var clientId = await Seed.ClientAsync(app, budi);

        var missing = await app.SendAsync(budi, new CheckCertificateCommand { ClientId = clientId, FileName = "", Content = [], Passphrase = "" });
        var tooLarge = await app.SendAsync(budi, Check(clientId, new byte[CheckCertificateCommand.MaxBytes + 1]));
        var client = (await app.SendAsync(budi, new GetClientQuery(clientId))).Value;

        Assert.Equal(["Pilih berkas sertifikat .p12."], missing.Error!.FieldErrors["Content"]);
        Assert.Equal(["Wajib diisi."], missing.Error.FieldErrors["Passphrase"]);
        Assert.Equal(["Berkas sertifikat paling besar 100 KB; sertifikat .p12 dari DJP hanya beberapa KB."], tooLarge.Error!.FieldErrors["Content"]);
        Assert.Null(client.LastCertificateCheck);
    }

    [Fact]
    public async Task ShouldReportNotFoundForAnUnknownClient()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var result = await app.SendAsync(budi, Check(Guid.NewGuid(), TestCertificates.Current()));

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task ShouldKeepNeitherTheFileNorThePassphraseInTheDatabaseFilesOrLogs()
    {
        var directory = TestPaths.NewTempDirectory();
        var logs = new CapturingLoggerProvider();
        var certificate = TestCertificates.Current();
        var command = Check(Guid.Empty, certificate);
        try
        {
            // Every level, so the handler's Debug line of a quick success (decision record 0205) is read too.
            await using (var app = await TestApp.StartAsync(directory, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }))
            {
                app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
                var budi = await Seed.ConsultantAsync(app);
                command.ClientId = await Seed.ClientAsync(app, budi);

                var right = await app.SendAsync(budi, command);
                var wrong = await app.SendAsync(budi, Check(command.ClientId, certificate, TestCertificates.Passphrase + "!"));

                Assert.Equal(CertificateCheckOutcome.Valid, right.Value.Outcome);
                Assert.Equal(CertificateCheckOutcome.WrongPassphrase, wrong.Value.Outcome);
            }

            var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
            var stored = files.Select(File.ReadAllBytes).ToArray();
            var sliceOfTheFile = certificate.AsSpan(certificate.Length / 2, 32).ToArray();
            Assert.All(files, file => Assert.StartsWith("helpdesk.db", Path.GetFileName(file), StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(directory, "attachments")), "a file was written to the attachments folder");
            Assert.Contains(stored, bytes => Contains(bytes, Encoding.UTF8.GetBytes("PT Maju Jaya")));
            Assert.DoesNotContain(stored, bytes => Contains(bytes, Encoding.UTF8.GetBytes(TestCertificates.Passphrase)));
            Assert.DoesNotContain(stored, bytes => Contains(bytes, Encoding.Unicode.GetBytes(TestCertificates.Passphrase)));
            Assert.DoesNotContain(stored, bytes => Contains(bytes, sliceOfTheFile));
            Assert.Contains(logs.Lines, line => line.Contains(nameof(CheckCertificateCommand), StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Lines, line => line.Contains(TestCertificates.Passphrase, StringComparison.Ordinal));
            Assert.DoesNotContain(TestCertificates.Passphrase, command.ToString(), StringComparison.Ordinal);
            Assert.Contains("Passphrase = ***", command.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static CheckCertificateCommand Check(Guid clientId, byte[] content, string passphrase = TestCertificates.Passphrase) =>
        new() { ClientId = clientId, FileName = "0012345674901000.p12", Content = content, Passphrase = passphrase };

    private static DateOnly WibDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Every log line and its structured values, whatever category, from Trace up.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToArray();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private void Add(string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
                provider.Add($"{formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
