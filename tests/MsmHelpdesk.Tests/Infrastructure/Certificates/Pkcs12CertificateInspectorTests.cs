using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Infrastructure.Certificates;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Certificates;

public sealed class Pkcs12CertificateInspectorTests
{
    private readonly Pkcs12CertificateInspector _inspector = new();

    [Fact]
    public void ShouldAnswerCorruptOrWrongPassphraseAndNeverThrowWhicheverByteIsDamaged()
    {
        var certificate = TestCertificates.Current();
        var statuses = new List<CertificateReadStatus>();

        for (var position = 0; position < certificate.Length; position += Math.Max(1, certificate.Length / 150))
        {
            var damaged = certificate.ToArray();
            damaged[position] ^= 0x5A;
            statuses.Add(_inspector.Inspect(damaged, TestCertificates.Passphrase).Status);
        }

        Assert.Contains(CertificateReadStatus.Corrupt, statuses);
        Assert.Contains(CertificateReadStatus.WrongPassphrase, statuses);
    }

    [Theory]
    [InlineData("3080FF")] // indefinite length, then a byte no tag can start with
    [InlineData("30800484FFFFFFFF")] // indefinite length around a value longer than Int32.MaxValue
    [InlineData("BB800484FFFFFFFF")] // the same under a context-specific tag: what a .p12 cut in half can begin with
    public void ShouldAnswerCorruptWhenTheStructureHasLengthsTheAsn1ReaderRefuses(string hex)
    {
        var reading = _inspector.Inspect(Convert.FromHexString(hex), TestCertificates.Passphrase);

        Assert.Equal(CertificateReadStatus.Corrupt, reading.Status);
    }

    [Fact]
    public void ShouldReadTheDatesAndSubjectNumbersOfTheCertificateWithTheKey()
    {
        var from = new DateTimeOffset(2024, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

        var reading = _inspector.Inspect(TestCertificates.Pkcs12(TestCertificates.MajuJaya, from, until), TestCertificates.Passphrase);

        Assert.Equal(CertificateReadStatus.Read, reading.Status);
        Assert.Equal(from, reading.NotBefore);
        Assert.Equal(until, reading.NotAfter);
        Assert.Equal(["0012345674901000"], reading.SubjectNumbers);
    }
}
