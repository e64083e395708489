using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MsmHelpdesk.Tests.Support;

/// <summary>Real PKCS#12 files made on the spot, like the .p12 DJP issues: an RSA key and its certificate.</summary>
public static class TestCertificates
{
    public const string Passphrase = "Sertel#MajuJaya2024";

    /// <summary>The subject of a certificate for <see cref="Seed.ValidNpwp"/>, NPWP in the serial number.</summary>
    public const string MajuJaya = "CN=PT MAJU JAYA, SERIALNUMBER=0012345674901000, O=Direktorat Jenderal Pajak, C=ID";

    public static byte[] Pkcs12(
        string subject,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        string passphrase = Passphrase,
        string? alternativeEmail = null,
        Pkcs12ExportPbeParameters? encryption = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (alternativeEmail is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddEmailAddress(alternativeEmail);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return encryption is null
            ? certificate.Export(X509ContentType.Pkcs12, passphrase)
            : certificate.ExportPkcs12(encryption.Value, passphrase);
    }

    /// <summary>A certificate valid from a month ago for about two years.</summary>
    public static byte[] Current(string subject = MajuJaya, string passphrase = Passphrase) =>
        Pkcs12(subject, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(700), passphrase);

    public static byte[] Damaged(byte[] pkcs12, Damage damage) => damage switch
    {
        Damage.Truncated => pkcs12[..(pkcs12.Length / 2)],
        Damage.HeaderFlipped => Flip(pkcs12, 0, 1, 4),
        Damage.SecondHalfOnly => pkcs12[(pkcs12.Length / 2)..],
        Damage.RandomBytes => RandomNumberGenerator.GetBytes(pkcs12.Length),
        Damage.TextFile => "-----BEGIN CERTIFICATE-----\nbukan sertifikat\n"u8.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(damage)),
    };

    private static byte[] Flip(byte[] source, params int[] positions)
    {
        var copy = source.ToArray();
        foreach (var position in positions)
        {
            copy[position] ^= 0xFF;
        }

        return copy;
    }
}

public enum Damage
{
    Truncated,
    HeaderFlipped,
    SecondHalfOnly,
    RandomBytes,
    TextFile,
}
