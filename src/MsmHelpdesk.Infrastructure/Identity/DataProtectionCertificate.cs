using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace MsmHelpdesk.Infrastructure.Identity;

/// <summary>The certificate that encrypts the data-protection keys at rest, when one is configured.</summary>
public static class DataProtectionCertificate
{
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[ConfigKeys.DataProtectionCertificatePath];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{ConfigKeys.DataProtectionCertificatePath} names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[ConfigKeys.DataProtectionCertificatePassword]);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"{ConfigKeys.DataProtectionCertificatePath} '{path}' could not be opened: check {ConfigKeys.DataProtectionCertificatePassword}.");
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{ConfigKeys.DataProtectionCertificatePath} '{path}' holds no private key, so keys could not be decrypted.");
    }
}
