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

    /// <summary>Folder of the embedded SQLite database when no connection string is given.</summary>
    public const string DataDirectory = "Helpdesk:DataDirectory";

    /// <summary>Folder of uploaded attachments; defaults to "attachments" inside the data directory.</summary>
    public const string AttachmentsDirectory = "Helpdesk:AttachmentsDirectory";

    public static IReadOnlyList<string> All { get; } =
        [DatabaseProvider, DatabaseMigrateOnStartup, ConnectionString, DataDirectory, AttachmentsDirectory];
}
