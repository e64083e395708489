using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Application.Common.Certificates;

/// <summary>
/// Opens a PKCS#12 (.p12) file with its passphrase, in memory only: the file, its private key and the
/// passphrase are never written to disk, database or logs.
/// </summary>
public interface ICertificateInspector
{
    CertificateReading Inspect(ReadOnlyMemory<byte> content, ReadOnlySpan<char> passphrase);
}
