namespace MsmHelpdesk.Infrastructure;

/// <summary>
/// Every configuration key the helpdesk reads, the same for the web app and the CLI.
/// Environment variables spell them with "__" for ":" (Database__Provider).
/// </summary>
public static class ConfigKeys
{
    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public const string DatabaseProvider = "Database:Provider";

    /// <summary>Apply migrations at start-up. Always done for SQLite; for SQL Server only when true.</summary>
    public const string DatabaseMigrateOnStartup = "Database:MigrateOnStartup";

    public const string ConnectionString = "ConnectionStrings:Helpdesk";

    /// <summary>SQLite page cache of each connection, in MiB (default 16).</summary>
    public const string SqliteCacheSizeMiB = "Database:Sqlite:CacheSizeMiB";

    /// <summary>SQLite memory map of the database file, in MiB (default 256; 0 turns it off).</summary>
    public const string SqliteMmapSizeMiB = "Database:Sqlite:MmapSizeMiB";

    /// <summary>Folder of the embedded SQLite database when no connection string is given.</summary>
    public const string DataDirectory = "Helpdesk:DataDirectory";

    /// <summary>Folder of uploaded attachments; defaults to "attachments" inside the data directory.</summary>
    public const string AttachmentsDirectory = "Helpdesk:AttachmentsDirectory";

    /// <summary>SMTP server for notification e-mail; when empty, notifications are shown in the app only.</summary>
    public const string SmtpHost = "Smtp:Host";

    /// <summary>Default 587 (STARTTLS); 465 means implicit TLS.</summary>
    public const string SmtpPort = "Smtp:Port";

    /// <summary>Optional: sign in to the SMTP server with this user name and <see cref="SmtpPassword"/>.</summary>
    public const string SmtpUserName = "Smtp:UserName";

    public const string SmtpPassword = "Smtp:Password";

    /// <summary>Sender address, e.g. "MSM Helpdesk &lt;helpdesk@msm.co.id&gt;".</summary>
    public const string SmtpFrom = "Smtp:From";

    /// <summary>Default true (TLS); false only for a relay on a trusted network.</summary>
    public const string SmtpUseTls = "Smtp:UseTls";

    /// <summary>The helpdesk's public address, so links in e-mails are absolute (e.g. https://helpdesk.msm.co.id).</summary>
    public const string PublicBaseUrl = "Helpdesk:PublicBaseUrl";

    /// <summary>Calendar days a ticket may wait on the client before its assignee is reminded (default 3).</summary>
    public const string WaitingReminderDays = "Helpdesk:WaitingOnClient:ReminderDays";

    /// <summary>Calendar days a ticket may wait on the client before it is closed for no reply (default 7).</summary>
    public const string WaitingAutoCloseDays = "Helpdesk:WaitingOnClient:AutoCloseDays";

    public static IReadOnlyList<string> All { get; } =
    [
        DatabaseProvider, DatabaseMigrateOnStartup, ConnectionString, SqliteCacheSizeMiB, SqliteMmapSizeMiB, DataDirectory, AttachmentsDirectory,
        SmtpHost, SmtpPort, SmtpUserName, SmtpPassword, SmtpFrom, SmtpUseTls, PublicBaseUrl, WaitingReminderDays, WaitingAutoCloseDays,
    ];
}
