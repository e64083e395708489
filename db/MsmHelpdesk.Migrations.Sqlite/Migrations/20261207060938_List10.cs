using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class List10 : Migration
    {
        // TicketWorkflow.Open as stored (the status's name), written out so this migration does not change with the code.
        private const string Open = "('New', 'Triaged', 'InProgress', 'WaitingOnClient', 'WaitingOnKpp')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite only (decision 0195): each open ticket's report time next to its key, indexed, so an open search is
            // ordered and paged from the index's matches without reading the tickets, and a common word's page is one walk
            // of the open tickets in report order. Keys, and so the full-text index's rowids, stay as they are.
            migrationBuilder.Sql("ALTER TABLE OpenTicketSearchKeys ADD COLUMN ReportedAt INTEGER NOT NULL DEFAULT 0;");
            migrationBuilder.Sql("UPDATE OpenTicketSearchKeys SET ReportedAt = (SELECT t.ReportedAt FROM Tickets AS t WHERE t.Id = OpenTicketSearchKeys.TicketId);");
            migrationBuilder.Sql("CREATE INDEX IX_OpenTicketSearchKeys_ReportedAt ON OpenTicketSearchKeys (ReportedAt);");
            Triggers(migrationBuilder, keyColumns: "TicketId, ReportedAt", keyValues: "new.Id, new.ReportedAt");
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearchKeys_AfterReportedAtUpdate AFTER UPDATE OF ReportedAt ON Tickets
                WHEN old.ReportedAt IS NOT new.ReportedAt AND new.Status IN {Open}
                BEGIN
                    UPDATE OpenTicketSearchKeys SET ReportedAt = new.ReportedAt WHERE TicketId = new.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearchKeys_AfterReportedAtUpdate;");
            Triggers(migrationBuilder, keyColumns: "TicketId", keyValues: "new.Id");
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_OpenTicketSearchKeys_ReportedAt;");
            migrationBuilder.Sql("ALTER TABLE OpenTicketSearchKeys DROP COLUMN ReportedAt;");
        }

        private static string Content(string row) =>
            $"replace(replace({row}.Number || ' ' || {row}.ErrorText || ' ' || coalesce({row}.Description, ''), char(8490), char(65533)), char(383), char(65533))";

        // The triggers of List9, with the key row written as given.
        private static void Triggers(MigrationBuilder migrationBuilder, string keyColumns, string keyValues)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterUpdate;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterInsert AFTER INSERT ON Tickets WHEN new.Status IN {Open} BEGIN
                    INSERT INTO OpenTicketSearchKeys ({keyColumns}) VALUES ({keyValues});
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {Content("new")}
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterUpdate AFTER UPDATE OF Status, Number, ErrorText, Description ON Tickets
                WHEN (old.Status IN {Open}) <> (new.Status IN {Open})
                    OR (new.Status IN {Open} AND (old.Number IS NOT new.Number OR old.ErrorText IS NOT new.ErrorText OR old.Description IS NOT new.Description))
                BEGIN
                    DELETE FROM OpenTicketSearch WHERE rowid = (SELECT Key FROM OpenTicketSearchKeys WHERE TicketId = old.Id);
                    DELETE FROM OpenTicketSearchKeys WHERE TicketId = old.Id AND new.Status NOT IN {Open};
                    INSERT OR IGNORE INTO OpenTicketSearchKeys ({keyColumns}) SELECT {keyValues} WHERE new.Status IN {Open};
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {Content("new")}
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id AND new.Status IN {Open};
                END;
                """);
        }
    }
}
