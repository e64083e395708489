namespace MsmHelpdesk.Domain.Clients;

/// <summary>Why a person may sign or act for a client in Coretax.</summary>
public enum SignerRole
{
    /// <summary>An officer named in the deed (direktur, komisaris).</summary>
    Pengurus,

    /// <summary>The Penanggung Jawab (PIC) of the company's Coretax account.</summary>
    PenanggungJawab,

    /// <summary>A consultant registered as kuasa / pihak terkait, acting by impersonation.</summary>
    Consultant,
}

/// <summary>A signing credential in Coretax; each is personal (there is no company certificate in Coretax).</summary>
public enum CredentialKind
{
    /// <summary>Kode Otorisasi DJP: free, requested self-service in Coretax, valid two years.</summary>
    KodeOtorisasi,

    /// <summary>Sertifikat elektronik issued by DJP through Coretax.</summary>
    SertifikatDjp,

    /// <summary>Certified sertifikat elektronik from a licensed provider (PSrE: Privy, VIDA, …), registered in Coretax.</summary>
    SertifikatPsre,
}

/// <summary>
/// A person who signs or acts for a client in Coretax (DOMAIN-2026 §3, §4.2): a pengurus, the Penanggung Jawab or
/// a consultant with the Coretax roles granted to them, and the credentials they hold. One real person serving
/// three clients is three signers: roles and credentials are recorded per client.
/// </summary>
public sealed class ClientSigner
{
    private readonly List<SignerCredential> _credentials = [];

    private ClientSigner()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string Name { get; private set; } = "";

    public SignerRole Role { get; private set; }

    /// <summary>The helpdesk user, when the signer is one of our consultants.</summary>
    public string? StaffId { get; private set; }

    /// <summary>The Coretax roles or permissions granted under Pihak Terkait, as entered (e.g. "96 faktur keluaran, 225 faktur masukan").</summary>
    public string? CoretaxRoles { get; private set; }

    public IReadOnlyList<SignerCredential> Credentials => _credentials;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ClientSigner Create(Guid clientId, SignerDetails details, DateTimeOffset now)
    {
        var signer = new ClientSigner { Id = Guid.CreateVersion7(now), ClientId = clientId };
        signer.Update(details, now);
        return signer;
    }

    public void Update(SignerDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Role = details.Role;
        StaffId = details.Role == SignerRole.Consultant ? Blank(details.StaffId) : null;
        CoretaxRoles = Blank(details.CoretaxRoles);
        UpdatedAt = now;
    }

    public SignerCredential AddCredential(CredentialDetails details, DateTimeOffset now)
    {
        var credential = new SignerCredential(Guid.CreateVersion7(now), details);
        _credentials.Add(credential);
        UpdatedAt = now;
        return credential;
    }

    /// <summary>False when the signer has no such credential.</summary>
    public bool UpdateCredential(Guid credentialId, CredentialDetails details, DateTimeOffset now)
    {
        if (_credentials.Find(c => c.Id == credentialId) is not { } credential)
        {
            return false;
        }

        credential.Update(details);
        UpdatedAt = now;
        return true;
    }

    public bool RemoveCredential(Guid credentialId, DateTimeOffset now)
    {
        var removed = _credentials.RemoveAll(c => c.Id == credentialId) > 0;
        if (removed)
        {
            UpdatedAt = now;
        }

        return removed;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record SignerDetails(string Name, SignerRole Role, string? StaffId, string? CoretaxRoles);

public sealed record CredentialDetails(CredentialKind Kind, string? Provider, DateOnly? IssuedOn, DateOnly ExpiresOn);

/// <summary>One credential of a signer with its dates; the passphrase is never recorded.</summary>
public sealed class SignerCredential
{
    private SignerCredential()
    {
    }

    internal SignerCredential(Guid id, CredentialDetails details)
    {
        Id = id;
        Update(details);
    }

    public Guid Id { get; private set; }

    public CredentialKind Kind { get; private set; }

    /// <summary>The licensed provider (PSrE) for <see cref="CredentialKind.SertifikatPsre"/>, e.g. "Privy"; null otherwise.</summary>
    public string? Provider { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    internal void Update(CredentialDetails details)
    {
        Kind = details.Kind;
        Provider = details.Kind == CredentialKind.SertifikatPsre && !string.IsNullOrWhiteSpace(details.Provider) ? details.Provider.Trim() : null;
        IssuedOn = details.IssuedOn;
        ExpiresOn = details.ExpiresOn;
    }
}
