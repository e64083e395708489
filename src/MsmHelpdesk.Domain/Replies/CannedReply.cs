using System.Text.RegularExpressions;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Domain.Replies;

/// <summary>Where a canned reply is written: an internal note, a reply to the client (e-mail), or a WhatsApp message.</summary>
public enum CannedReplyChannel
{
    Note,
    Reply,
    WhatsApp,
}

/// <summary>
/// A text a Manager prepared once (in Indonesian, optionally in English) that a consultant picks in the ticket's
/// composer: its {{fields}} are filled from the ticket, then the consultant edits and sends it.
/// </summary>
public sealed partial class CannedReply
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 2000;

    /// <summary>The fields a template may use; anything else in double braces is refused when saving.</summary>
    public static readonly IReadOnlyList<string> Fields = ["client", "ticketNumber", "consultant", "cause", "contact", "status"];

    private CannedReply()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public CannedReplyChannel Channel { get; private set; }

    public string TextIndonesian { get; private set; } = "";

    /// <summary>The English text; null when the reply exists in Indonesian only.</summary>
    public string? TextEnglish { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    public int Version { get; private set; }

    public static CannedReply Create(string name, CannedReplyChannel channel, string textIndonesian, string? textEnglish, Actor actor, DateTimeOffset now)
    {
        var reply = new CannedReply { Id = Guid.CreateVersion7(now) };
        reply.Change(name, channel, textIndonesian, textEnglish, actor, now);
        return reply;
    }

    public void Change(string name, CannedReplyChannel channel, string textIndonesian, string? textEnglish, Actor actor, DateTimeOffset now)
    {
        Name = name.Trim();
        Channel = channel;
        TextIndonesian = textIndonesian.Trim();
        TextEnglish = string.IsNullOrWhiteSpace(textEnglish) ? null : textEnglish.Trim();
        UpdatedAt = now;
        UpdatedByName = actor.Name;
        Version++;
    }

    /// <summary>The text in the wanted language (Indonesian when there is no English one).</summary>
    public string TextFor(bool english) => english && TextEnglish is not null ? TextEnglish : TextIndonesian;

    /// <summary>Placeholders in a template that are not among <see cref="Fields"/>, e.g. "{{klien}}".</summary>
    public static IReadOnlyList<string> UnknownFields(string? template) =>
        template is null ? [] : Placeholder().Matches(template).Select(m => m.Groups[1].Value)
            .Where(name => !Fields.Contains(name, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Fills the template's {{fields}}; a field without a value becomes "–". The result is plain text, never markup.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(template, match =>
            values.FirstOrDefault(pair => string.Equals(pair.Key, match.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
                ? (string.IsNullOrWhiteSpace(found.Value) ? "–" : found.Value!)
                : match.Value);

    [GeneratedRegex(@"\{\{\s*([A-Za-z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>Who added, changed or removed a canned reply, and what it was.</summary>
public sealed class CannedReplyChange
{
    private CannedReplyChange()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    /// <summary>e.g. "added: Sertifikat terbit (WhatsApp)".</summary>
    public string Description { get; private set; } = "";

    public static CannedReplyChange Record(Actor actor, DateTimeOffset now, string description) =>
        new() { At = now, ActorId = actor.Id, ActorName = actor.Name, Description = description };
}
