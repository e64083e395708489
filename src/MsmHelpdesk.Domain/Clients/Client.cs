namespace MsmHelpdesk.Domain.Clients;

/// <summary>A PKP (VAT-registered company) the consultancy serves. NPWP is its natural key.</summary>
public sealed class Client
{
    /// <summary>The legacy e-Faktur certificate is valid two years from issue unless an expiry is recorded.</summary>
    public const int CertificateValidityYears = 2;

    private readonly List<ClientOfficer> _officers = [];
    private readonly List<Contact> _contacts = [];

    private Client()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Name exactly as registered with DJP.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The 16-digit normalised NPWP.</summary>
    public string Npwp { get; private set; } = "";

    /// <summary>22 digits: the 16-digit NPWP and a 6-digit place of business (head office 000000).</summary>
    public string? Nitku { get; private set; }

    /// <summary>The KPP (tax office) where the PKP is registered.</summary>
    public string? Kpp { get; private set; }

    public DateOnly? PkpSince { get; private set; }

    public EFakturChannel Channel { get; private set; }

    public DateOnly? CertificateIssuedOn { get; private set; }

    /// <summary>Only when entered; otherwise the expiry is derived from the issue date.</summary>
    public DateOnly? CertificateExpiresOnEntered { get; private set; }

    public DateOnly? CoretaxExpiresOn { get; private set; }

    /// <summary>Who holds the passphrase: a person's name, never the passphrase itself.</summary>
    public string? PassphraseCustodian { get; private set; }

    /// <summary>
    /// Whether the company (badan) account has ever been signed in to Coretax: until it has, consultants cannot
    /// impersonate it (DOMAIN-2026 #19). Null while nobody has checked.
    /// </summary>
    public bool? CoretaxAccountSignedIn { get; private set; }

    /// <summary>The last check of the client's .p12 file by a consultant; null until one is made.</summary>
    public CertificateCheck? LastCertificateCheck { get; private set; }

    public IReadOnlyList<ClientOfficer> Officers => _officers;

    public IReadOnlyList<Contact> Contacts => _contacts;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public DateOnly? CertificateExpiresOn => ExpiryOf(CertificateIssuedOn, CertificateExpiresOnEntered);

    /// <summary>The entered expiry, else two years after issue; null when neither is known.</summary>
    public static DateOnly? ExpiryOf(DateOnly? issuedOn, DateOnly? enteredExpiry) =>
        enteredExpiry ?? issuedOn?.AddYears(CertificateValidityYears);

    public static Client Register(string name, Npwp npwp, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name.Trim(),
        Npwp = npwp.Value,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Update(ClientDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Nitku = string.IsNullOrWhiteSpace(details.Nitku) ? null : details.Nitku;
        Kpp = Blank(details.Kpp);
        PkpSince = details.PkpSince;
        Channel = details.Channel;
        CertificateIssuedOn = details.CertificateIssuedOn;
        CertificateExpiresOnEntered = details.CertificateExpiresOn;
        CoretaxExpiresOn = details.CoretaxExpiresOn;
        PassphraseCustodian = Blank(details.PassphraseCustodian);
        Touch(now);
    }

    public void ReplaceOfficers(IEnumerable<(string Name, string? Position)> officers, DateTimeOffset now)
    {
        _officers.Clear();
        _officers.AddRange(officers
            .Where(officer => !string.IsNullOrWhiteSpace(officer.Name))
            .Select(officer => new ClientOfficer(officer.Name.Trim(), Blank(officer.Position))));
        Touch(now);
    }

    public void AddContact(Contact contact, DateTimeOffset now)
    {
        if (_contacts.All(existing => existing.Id != contact.Id))
        {
            _contacts.Add(contact);
            Touch(now);
        }
    }

    public void RemoveContact(Guid contactId, DateTimeOffset now)
    {
        if (_contacts.RemoveAll(contact => contact.Id == contactId) > 0)
        {
            Touch(now);
        }
    }

    /// <summary>
    /// Keeps the check's outcome. A certificate of this client that could be read is a better source of its
    /// dates than what was typed, so they replace the recorded ones; returns whether the dates changed.
    /// </summary>
    public bool RecordCertificateCheck(CertificateCheck check, DateTimeOffset now)
    {
        LastCertificateCheck = check;
        if (check.Outcome is not (CertificateCheckOutcome.Valid or CertificateCheckOutcome.Expired)
            || check.NotBefore is not { } issuedOn || check.NotAfter is not { } expiresOn)
        {
            return false;
        }

        var changed = CertificateIssuedOn != issuedOn || CertificateExpiresOn != expiresOn;
        CertificateIssuedOn = issuedOn;
        CertificateExpiresOnEntered = expiresOn;
        if (changed)
        {
            Touch(now);
        }

        return changed;
    }

    /// <summary>A new certificate was issued at the KPP: it runs two years from <paramref name="issuedOn"/>.</summary>
    public void RecordRenewedCertificate(DateOnly issuedOn, DateTimeOffset now)
    {
        CertificateIssuedOn = issuedOn;
        CertificateExpiresOnEntered = null;
        Touch(now);
    }

    public void RecordCoretaxAccountSignedIn(bool? signedIn, DateTimeOffset now)
    {
        if (CoretaxAccountSignedIn != signedIn)
        {
            CoretaxAccountSignedIn = signedIn;
            Touch(now);
        }
    }

    public CertificateState CertificateStateOn(DateOnly today) => CertificateStates.Of(CertificateExpiresOn, today);

    public CertificateState CoretaxStateOn(DateOnly today) => CertificateStates.Of(CoretaxExpiresOn, today);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record ClientDetails(
    string Name,
    string? Nitku,
    string? Kpp,
    DateOnly? PkpSince,
    EFakturChannel Channel,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOn,
    DateOnly? CoretaxExpiresOn,
    string? PassphraseCustodian);

/// <summary>An officer (pengurus) named in the company deed: only they may attend a certificate renewal at the KPP.</summary>
public sealed class ClientOfficer
{
    private ClientOfficer()
    {
    }

    public ClientOfficer(string name, string? position)
    {
        Name = name;
        Position = position;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Position { get; private set; }
}

public enum CertificateState
{
    Unknown,
    Valid,
    ExpiringSoon,
    Expired,
}

public static class CertificateStates
{
    /// <summary>Within this many days of expiry a certificate counts as expiring soon.</summary>
    public const int ExpiringSoonDays = 60;

    public static CertificateState Of(DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => CertificateState.Unknown,
        { } date when date < today => CertificateState.Expired,
        { } date when date.DayNumber - today.DayNumber <= ExpiringSoonDays => CertificateState.ExpiringSoon,
        _ => CertificateState.Valid,
    };
}
