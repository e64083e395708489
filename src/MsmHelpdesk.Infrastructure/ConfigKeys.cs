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

    /// <summary>
    /// WAL pages after which a committing connection copies the log back into the database file (SQLite's
    /// <c>wal_autocheckpoint</c>; default in <see cref="Persistence.SqliteTuning.Default"/>, 0 turns automatic checkpoints off).
    /// </summary>
    public const string SqliteWalAutocheckpointPages = "Database:Sqlite:WalAutocheckpointPages";

    /// <summary>
    /// Seconds without a request or circuit event after which the web app gives memory back (SQLite connections closed,
    /// a compacting garbage collection); default 60, 0 turns it off. Decision record 0164.
    /// </summary>
    public const string IdleTrimAfterSeconds = "Performance:IdleTrimAfterSeconds";

    /// <summary>SQL Server ticket search through the full-text index: Auto (default: when installed), On or Off (LIKE).</summary>
    public const string SqlServerFullText = "Database:SqlServer:FullText";

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

    /// <summary>The firm's name until a Manager saves one in the app (e.g. "MSM Konsultan"); WhatsApp texts say it.</summary>
    public const string FirmName = "Helpdesk:FirmName";

    /// <summary>The logo's short name until a Manager saves one (e.g. "MSM"); default the name's first word.</summary>
    public const string FirmShortName = "Helpdesk:FirmShortName";

    /// <summary>The helpdesk's public address, so links in e-mails are absolute (e.g. https://helpdesk.msm.co.id).</summary>
    public const string PublicBaseUrl = "Helpdesk:PublicBaseUrl";

    /// <summary>Calendar days a ticket may wait on the client before its assignee is reminded (default 3).</summary>
    public const string WaitingReminderDays = "Helpdesk:WaitingOnClient:ReminderDays";

    /// <summary>Calendar days a ticket may wait on the client before it is closed for no reply (default 7).</summary>
    public const string WaitingAutoCloseDays = "Helpdesk:WaitingOnClient:AutoCloseDays";

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For/-Proto are believed, comma-separated; none by default.</summary>
    public const string KnownProxies = "Transport:KnownProxies";

    /// <summary>Networks (CIDR, e.g. 172.18.0.0/16) whose forwarded headers are believed, comma-separated; none by default.</summary>
    public const string KnownNetworks = "Transport:KnownNetworks";

    /// <summary>The HTTPS port plain-HTTP requests are redirected to; without it only a Kestrel HTTPS endpoint turns redirection on.</summary>
    public const string HttpsPort = "Transport:HttpsPort";

    /// <summary>A PKCS#12 file whose certificate encrypts the data-protection keys at rest.</summary>
    public const string DataProtectionCertificatePath = "DataProtection:CertificatePath";

    public const string DataProtectionCertificatePassword = "DataProtection:CertificatePassword";

    /// <summary>Largest request body in bytes where an endpoint sets no limit of its own (default 64 KB).</summary>
    public const string DefaultBodyBytes = "Limits:DefaultBodyBytes";

    /// <summary>Largest JSON body in bytes for /api (default 64 KB).</summary>
    public const string ApiBodyBytes = "Limits:ApiBodyBytes";

    /// <summary>Requests a minute one API key may make (default 300).</summary>
    public const string ApiRequestsPerMinute = "Limits:ApiRequestsPerMinute";

    /// <summary>Sign-in attempts a minute from one client address (default 20).</summary>
    public const string SignInAttemptsPerMinute = "Limits:SignInAttemptsPerMinute";

    /// <summary>Folder of the nightly backup archives; defaults to "backups" inside the data directory.</summary>
    public const string BackupDirectory = "Backup:Directory";

    /// <summary>How many nightly archives are kept (default 14).</summary>
    public const string BackupKeep = "Backup:Keep";

    public static IReadOnlyList<string> All { get; } =
    [
        DatabaseProvider, DatabaseMigrateOnStartup, ConnectionString, SqliteCacheSizeMiB, SqliteMmapSizeMiB, SqliteWalAutocheckpointPages, IdleTrimAfterSeconds, SqlServerFullText, DataDirectory, AttachmentsDirectory,
        SmtpHost, SmtpPort, SmtpUserName, SmtpPassword, SmtpFrom, SmtpUseTls, PublicBaseUrl, WaitingReminderDays, WaitingAutoCloseDays,
        KnownProxies, KnownNetworks, HttpsPort, DataProtectionCertificatePath, DataProtectionCertificatePassword,
        DefaultBodyBytes, ApiBodyBytes, ApiRequestsPerMinute, SignInAttemptsPerMinute, BackupDirectory, BackupKeep,
    ];
}
