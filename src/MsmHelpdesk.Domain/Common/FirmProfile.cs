namespace MsmHelpdesk.Domain.Common;

/// <summary>
/// The consultancy's name as clients and staff read it (WhatsApp texts, the sign-in page's logo): one row, edited by
/// Managers; until someone saves, the configured default (Helpdesk:FirmName) is used.
/// </summary>
public sealed class FirmProfile
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 120;
    public const int ShortNameMaxLength = 12;

    private FirmProfile()
    {
    }

    public int Id { get; private set; } = SingletonId;

    /// <summary>The full name, e.g. "MSM Konsultan".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The logo's letters, e.g. "MSM".</summary>
    public string ShortName { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    public static FirmProfile Create(string name, string shortName, string actorName, DateTimeOffset now)
    {
        var profile = new FirmProfile();
        profile.Change(name, shortName, actorName, now);
        return profile;
    }

    public void Change(string name, string shortName, string actorName, DateTimeOffset now)
    {
        Name = name.Trim();
        ShortName = shortName.Trim();
        UpdatedAt = now;
        UpdatedByName = actorName;
    }
}
