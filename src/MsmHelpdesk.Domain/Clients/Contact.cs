namespace MsmHelpdesk.Domain.Clients;

/// <summary>A person at a client company; one contact may serve several clients (an outsourced tax admin, say).</summary>
public sealed class Contact
{
    private readonly List<Client> _clients = [];

    private Contact()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Normalised for WhatsApp: 62 and digits.</summary>
    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<Client> Clients => _clients;

    public static Contact Create(string name, string? normalizedPhone, string? email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name.Trim(),
        Phone = normalizedPhone,
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
    };

    public void Update(string name, string? normalizedPhone, string? email)
    {
        Name = name.Trim();
        Phone = normalizedPhone;
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
    }
}
