using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class List7 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId", "SlaResolutionTargetMinutes", "SlaFirstResponseMet", "SlaResolutionMet", "SlaFirstRespondedAt", "SlaFirstResponseDueAt", "SlaFirstResponseAtRiskAt", "SlaResolutionDueAt", "SlaResolutionAtRiskAt", "SlaResolutionPausedAt", "Id" });

            // SQLite only (decision 0176): a trigram index of the open tickets alone, so a search of the open queue reads the
            // queue's matches instead of every open ticket's text when a word is common in the whole history. Its rowid is a
            // key of its own (OpenTicketSearchKeys, an INTEGER PRIMARY KEY, which VACUUM keeps), so a ticket that leaves
            // the open statuses, or whose text changes, is deleted by rowid. The open statuses are TicketWorkflow.Open.
            migrationBuilder.Sql("CREATE TABLE OpenTicketSearchKeys (Key INTEGER PRIMARY KEY, TicketId TEXT NOT NULL UNIQUE);");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE OpenTicketSearch USING fts5(TicketId UNINDEXED, Content, tokenize = 'trigram', detail = 'none');");
            migrationBuilder.Sql($"INSERT INTO OpenTicketSearchKeys (TicketId) SELECT Id FROM Tickets WHERE Status IN {Open};");
            migrationBuilder.Sql("""
                INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                SELECT k.Key, t.Id, t.Number || ' ' || t.ErrorText || ' ' || coalesce(t.Description, '')
                FROM OpenTicketSearchKeys AS k JOIN Tickets AS t ON t.Id = k.TicketId;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterInsert AFTER INSERT ON Tickets WHEN new.Status IN {Open} BEGIN
                    INSERT INTO OpenTicketSearchKeys (TicketId) VALUES (new.Id);
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, new.Number || ' ' || new.ErrorText || ' ' || coalesce(new.Description, '')
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id;
                END;
                """);

            // Entering or leaving the open statuses, or a new text while open: the old entry goes by its key, an open
            // ticket's current text comes back under the same key. Moves between open statuses change nothing here.
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterUpdate AFTER UPDATE OF Status, Number, ErrorText, Description ON Tickets
                WHEN (old.Status IN {Open}) <> (new.Status IN {Open})
                    OR (new.Status IN {Open} AND (old.Number IS NOT new.Number OR old.ErrorText IS NOT new.ErrorText OR old.Description IS NOT new.Description))
                BEGIN
                    DELETE FROM OpenTicketSearch WHERE rowid = (SELECT Key FROM OpenTicketSearchKeys WHERE TicketId = old.Id);
                    DELETE FROM OpenTicketSearchKeys WHERE TicketId = old.Id AND new.Status NOT IN {Open};
                    INSERT OR IGNORE INTO OpenTicketSearchKeys (TicketId) SELECT new.Id WHERE new.Status IN {Open};
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, new.Number || ' ' || new.ErrorText || ' ' || coalesce(new.Description, '')
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id AND new.Status IN {Open};
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterDelete AFTER DELETE ON Tickets WHEN old.Status IN {Open} BEGIN
                    DELETE FROM OpenTicketSearch WHERE rowid = (SELECT Key FROM OpenTicketSearchKeys WHERE TicketId = old.Id);
                    DELETE FROM OpenTicketSearchKeys WHERE TicketId = old.Id;
                END;
                """);
        }

        // TicketWorkflow.Open as stored (the status's name), written out so this migration does not change with the code.
        private const string Open = "('New', 'Triaged', 'InProgress', 'WaitingOnClient', 'WaitingOnKpp')";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS OpenTicketSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS OpenTicketSearchKeys;");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId", "SlaResolutionTargetMinutes", "SlaFirstResponseMet", "SlaResolutionMet", "SlaFirstRespondedAt", "SlaFirstResponseDueAt", "SlaFirstResponseAtRiskAt", "SlaResolutionDueAt", "SlaResolutionAtRiskAt", "SlaResolutionPausedAt" });
        }
    }
}
