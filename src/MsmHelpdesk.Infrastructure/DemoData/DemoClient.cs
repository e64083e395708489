namespace MsmHelpdesk.Infrastructure.DemoData;

internal sealed record DemoContact(Guid Id, string Name);

/// <summary>A client tickets can be given to: new or already in the database; officers by name (who may attend a KPP visit).</summary>
internal sealed record DemoClient(Guid Id, string? Kpp, DemoContact[] Contacts, string[] Officers);
