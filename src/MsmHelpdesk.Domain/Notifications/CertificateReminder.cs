namespace MsmHelpdesk.Domain.Notifications;

/// <summary>The credentials a PKP must keep valid: the legacy e-Faktur certificate, the company-level Coretax date, and each signer's own.</summary>
public enum Credential
{
    /// <summary>Sertifikat elektronik for e-Faktur desktop/web; renewed in person at the KPP.</summary>
    Legacy,

    /// <summary>Kode Otorisasi DJP / Coretax certificate; renewed self-service in Coretax.</summary>
    Coretax,

    /// <summary>A person's Kode Otorisasi or sertifikat elektronik (<see cref="Clients.SignerCredential"/>); renewed by its own route.</summary>
    Signer,
}

/// <summary>
/// One threshold (60, 30 or 7 days) of one credential's expiry date, handled once. Unique per
/// (client, credential, signer credential, expiry date, threshold): a re-run or a concurrent run cannot act twice, and a
/// renewed credential (a new expiry date) starts fresh.
/// </summary>
public sealed class CertificateReminder
{
    public static readonly int[] Thresholds = [60, 30, 7];

    private CertificateReminder()
    {
    }

    public long Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Credential Credential { get; private set; }

    /// <summary>The signer's credential for <see cref="Credential.Signer"/>; <see cref="Guid.Empty"/> for the company's own (never null, so the unique index holds).</summary>
    public Guid SignerCredentialId { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public int ThresholdDays { get; private set; }

    /// <summary>The proactive ticket opened or reminded for this threshold.</summary>
    public Guid TicketId { get; private set; }

    /// <summary>False for a threshold that had already passed when the client was first seen (recorded as handled, nothing sent).</summary>
    public bool Acted { get; private set; }

    public DateTimeOffset HandledAt { get; private set; }

    public static CertificateReminder Record(Guid clientId, Credential credential, DateOnly expiresOn, int thresholdDays, Guid ticketId, bool acted, DateTimeOffset now, Guid signerCredentialId = default) => new()
    {
        ClientId = clientId,
        SignerCredentialId = signerCredentialId,
        Credential = credential,
        ExpiresOn = expiresOn,
        ThresholdDays = thresholdDays,
        TicketId = ticketId,
        Acted = acted,
        HandledAt = now,
    };
}
