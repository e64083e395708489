using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OpenSearchKeysInReportOrder : Migration
    {
        // TicketWorkflow.Open as stored (the status's name), written out so this migration does not change with the code.
        private const string Open = "('New', 'Triaged', 'InProgress', 'WaitingOnClient', 'WaitingOnKpp')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite only (decision 0209): each open ticket's key, and so its rowid in the open index, is its report time
            // negated (the smallest free key from there when report times are equal), so the index gives its matches
            // newest first in rowid order and a page stops after its rows. Report times are UTC ticks shifted left 11 bits
            // (EF's DateTimeOffsetToBinaryConverter; the low bits hold the offset, 0 for UTC), so 2,048 keys lie between
            // two report times. Keys are given here in (report time descending, id) order, each one above the last; the
            // index is built again under them, in key order (one segment). The report-time index of List10 served only
            // the walk this replaces.
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_OpenTicketSearchKeys_ReportedAt;");
            migrationBuilder.Sql("DELETE FROM OpenTicketSearchKeys;");
            migrationBuilder.Sql($"""
                INSERT INTO OpenTicketSearchKeys (Key, TicketId, ReportedAt)
                SELECT Rank + max(-ReportedAt - Rank) OVER (ORDER BY -ReportedAt, Id ROWS UNBOUNDED PRECEDING), Id, ReportedAt
                FROM (SELECT Id, ReportedAt, row_number() OVER (ORDER BY -ReportedAt, Id) AS Rank FROM Tickets WHERE Status IN {Open});
                """);
            RebuildIndex(migrationBuilder);

            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterInsert AFTER INSERT ON Tickets WHEN new.Status IN {Open} BEGIN
                    INSERT INTO OpenTicketSearchKeys (Key, TicketId, ReportedAt) VALUES ({KeyFor("new.ReportedAt")}, new.Id, new.ReportedAt);
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
                    INSERT OR IGNORE INTO OpenTicketSearchKeys (Key, TicketId, ReportedAt)
                    SELECT {KeyFor("new.ReportedAt")}, new.Id, new.ReportedAt WHERE new.Status IN {Open};
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {Content("new")}
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id AND new.Status IN {Open};
                END;
                """);

            // A report time changed (the ticket form): the ticket moves to a key from its new time, its entry with it. Only
            // when its key row still has the old time: the trigger above may have written the row already in the same update.
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearchKeys_AfterReportedAtUpdate AFTER UPDATE OF ReportedAt ON Tickets
                WHEN old.ReportedAt IS NOT new.ReportedAt
                    AND EXISTS (SELECT 1 FROM OpenTicketSearchKeys WHERE TicketId = new.Id AND ReportedAt IS NOT new.ReportedAt)
                BEGIN
                    DELETE FROM OpenTicketSearch WHERE rowid = (SELECT Key FROM OpenTicketSearchKeys WHERE TicketId = new.Id);
                    DELETE FROM OpenTicketSearchKeys WHERE TicketId = new.Id;
                    INSERT INTO OpenTicketSearchKeys (Key, TicketId, ReportedAt) VALUES ({KeyFor("new.ReportedAt")}, new.Id, new.ReportedAt);
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {Content("new")}
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to List10: keys in the tickets' table order, the report-time index, List10's triggers.
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DELETE FROM OpenTicketSearchKeys;");
            migrationBuilder.Sql($"INSERT INTO OpenTicketSearchKeys (TicketId, ReportedAt) SELECT Id, ReportedAt FROM Tickets WHERE Status IN {Open} ORDER BY rowid;");
            RebuildIndex(migrationBuilder);
            migrationBuilder.Sql("CREATE INDEX IX_OpenTicketSearchKeys_ReportedAt ON OpenTicketSearchKeys (ReportedAt);");
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterInsert AFTER INSERT ON Tickets WHEN new.Status IN {Open} BEGIN
                    INSERT INTO OpenTicketSearchKeys (TicketId, ReportedAt) VALUES (new.Id, new.ReportedAt);
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
                    INSERT OR IGNORE INTO OpenTicketSearchKeys (TicketId, ReportedAt) SELECT new.Id, new.ReportedAt WHERE new.Status IN {Open};
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {Content("new")}
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id AND new.Status IN {Open};
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearchKeys_AfterReportedAtUpdate AFTER UPDATE OF ReportedAt ON Tickets
                WHEN old.ReportedAt IS NOT new.ReportedAt AND new.Status IN {Open}
                BEGIN
                    UPDATE OpenTicketSearchKeys SET ReportedAt = new.ReportedAt WHERE TicketId = new.Id;
                END;
                """);
        }

        // The smallest free key from a report time negated: that key itself, or one above the first taken key from there
        // whose next key is free (a key from another report time is at least 2,048 away).
        private static string KeyFor(string reportedAt) => $"""
            CASE WHEN NOT EXISTS (SELECT 1 FROM OpenTicketSearchKeys WHERE Key = -{reportedAt}) THEN -{reportedAt}
            ELSE (SELECT f.Key + 1 FROM OpenTicketSearchKeys AS f WHERE f.Key >= -{reportedAt}
                AND NOT EXISTS (SELECT 1 FROM OpenTicketSearchKeys AS n WHERE n.Key = f.Key + 1) ORDER BY f.Key LIMIT 1) END
            """;

        private static string Content(string row) =>
            $"replace(replace({row}.Number || ' ' || {row}.ErrorText || ' ' || coalesce({row}.Description, ''), char(8490), char(65533)), char(383), char(65533))";

        private static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearchKeys_AfterReportedAtUpdate;");
        }

        // The open index (List9's definition) written again under the key table's keys, in key order: FTS5 flushes its
        // pending entries whenever a rowid is not above the last one, so key order gives one segment.
        private static void RebuildIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS OpenTicketSearch;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE OpenTicketSearch USING fts5(TicketId UNINDEXED, Content, tokenize = 'trigram', detail = 'full');");
            migrationBuilder.Sql($"""
                INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                SELECT k.Key, t.Id, {Content("t")}
                FROM OpenTicketSearchKeys AS k JOIN Tickets AS t ON t.Id = k.TicketId
                ORDER BY k.Key;
                """);
        }
    }
}
