namespace MsmHelpdesk.Domain.Users;

/// <summary>A user's named set of ticket-list filters and sort. Only its owner ever sees it.</summary>
public sealed class SavedView
{
    public const int NameMaxLength = 80;

    /// <summary>The filters as JSON, written and read by the application (the domain does not interpret them).</summary>
    public const int FiltersMaxLength = 4000;

    private SavedView()
    {
    }

    public Guid Id { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Filters { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static SavedView Create(string ownerId, string name, string filters, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = ownerId,
        Name = name.Trim(),
        Filters = filters,
        CreatedAt = now,
    };

    /// <summary>Saving under a name the user already has replaces that view's filters.</summary>
    public void Replace(string filters) => Filters = filters;
}
