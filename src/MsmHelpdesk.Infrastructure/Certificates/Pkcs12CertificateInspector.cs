using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using MsmHelpdesk.Application.Common.Certificates;
using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Infrastructure.Certificates;

/// <summary>
/// Reads a .p12 in memory. The private key is loaded as an ephemeral key (never persisted to a key store
/// or temp file) and released at once; only dates and subject numbers leave this class.
/// </summary>
public sealed class Pkcs12CertificateInspector : ICertificateInspector
{
    private const string SubjectAlternativeNameOid = "2.5.29.17";

    public CertificateReading Inspect(ReadOnlyMemory<byte> content, ReadOnlySpan<char> passphrase)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12(content.Span, passphrase, X509KeyStorageFlags.EphemeralKeySet, Pkcs12LoaderLimits.Defaults);
            return Read(certificate);
        }
        catch (Pkcs12LoadLimitExceededException)
        {
            // Iteration counts or sizes no DJP certificate has: not worth spending the CPU to find out more.
            return CertificateReading.Corrupt;
        }
        catch (CryptographicException)
        {
            return Diagnose(content, passphrase);
        }
    }

    /// <summary>
    /// Loading failed: wrong passphrase or damaged file? A well-formed PKCS#12 whose integrity check (a MAC
    /// keyed by the passphrase) fails was opened with the wrong passphrase. A byte changed inside the sealed
    /// part also fails that check and cannot be told apart from a wrong passphrase; everything else is corrupt.
    /// </summary>
    private static CertificateReading Diagnose(ReadOnlyMemory<byte> content, ReadOnlySpan<char> passphrase)
    {
        Pkcs12Info info;
        try
        {
            // Bytes after the structure are ignored, as the loader itself does.
            info = Pkcs12Info.Decode(content, out _, skipCopy: true);
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException)
        {
            // The decoder lets the ASN.1 reader's own exception through for some broken lengths (e.g. an
            // indefinite length around a value longer than Int32.MaxValue), where the loader said CryptographicException.
            return CertificateReading.Corrupt;
        }

        return info.IntegrityMode switch
        {
            Pkcs12IntegrityMode.Password when !info.VerifyMac(passphrase) => CertificateReading.WrongPassphrase,
            Pkcs12IntegrityMode.None when info.AuthenticatedSafe.Any(safe => safe.ConfidentialityMode == Pkcs12ConfidentialityMode.Password)
                => CertificateReading.WrongPassphrase,
            _ => CertificateReading.Corrupt,
        };
    }

    private static CertificateReading Read(X509Certificate2 certificate)
    {
        var texts = new List<string> { certificate.SubjectName.Name };
        if (certificate.Extensions[SubjectAlternativeNameOid] is { } alternativeNames)
        {
            texts.Add(alternativeNames.Format(multiLine: false));
        }

        return new CertificateReading(
            CertificateReadStatus.Read,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            texts.SelectMany(CertificateCheck.FindNumbers).ToArray());
    }
}
