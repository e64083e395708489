namespace MsmHelpdesk.Domain.Common;

/// <summary>
/// Who changed what, when, for records that keep no history of their own (a client's signers and credentials,
/// the tax calendar): one row per change, in neutral words with the old and new values.
/// </summary>
public sealed class AuditEntry
{
    public const int DescriptionMaxLength = 1000;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>"signers" or "tax-calendar".</summary>
    public string Area { get; private set; } = "";

    /// <summary>The client the change is about, when it is about one.</summary>
    public Guid? SubjectId { get; private set; }

    public string Description { get; private set; } = "";

    public static AuditEntry Record(Tickets.Actor actor, DateTimeOffset now, string area, Guid? subjectId, string description) => new()
    {
        At = now,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Area = area,
        SubjectId = subjectId,
        Description = description.Length > DescriptionMaxLength ? description[..DescriptionMaxLength] : description,
    };
}
