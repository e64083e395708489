using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class List9 : Migration
    {
        // TicketWorkflow.Open as stored (the status's name), written out so this migration does not change with the code.
        private const string Open = "('New', 'Triaged', 'InProgress', 'WaitingOnClient', 'WaitingOnKpp')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite only (decision 0190): the open tickets' trigram index again, now with positions (detail = 'full'), so a
            // word is found as a phrase of its trigrams from the index alone, without reading each match's stored text.
            // The Kelvin sign and the long s, the only characters the trigram tokenizer folds to an ASCII letter (LIKE does
            // not), are stored as U+FFFD; a term with either (or U+FFFD) is left to the plain search. Keys, and so rowids,
            // stay as they are; the triggers are those of List7 with the new text.
            Rebuild(migrationBuilder, "full", column => $"replace(replace({Text(column)}, char(8490), char(65533)), char(383), char(65533))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "none", Text);
        }

        private static string Text(string row) => $"{row}.Number || ' ' || {row}.ErrorText || ' ' || coalesce({row}.Description, '')";

        private static void Rebuild(MigrationBuilder migrationBuilder, string detail, System.Func<string, string> content)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpenTicketSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS OpenTicketSearch;");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE OpenTicketSearch USING fts5(TicketId UNINDEXED, Content, tokenize = 'trigram', detail = '{detail}');");
            migrationBuilder.Sql($"""
                INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                SELECT k.Key, t.Id, {content("t")}
                FROM OpenTicketSearchKeys AS k JOIN Tickets AS t ON t.Id = k.TicketId;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER OpenTicketSearch_AfterInsert AFTER INSERT ON Tickets WHEN new.Status IN {Open} BEGIN
                    INSERT INTO OpenTicketSearchKeys (TicketId) VALUES (new.Id);
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {content("new")}
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
                    INSERT OR IGNORE INTO OpenTicketSearchKeys (TicketId) SELECT new.Id WHERE new.Status IN {Open};
                    INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
                    SELECT Key, new.Id, {content("new")}
                    FROM OpenTicketSearchKeys WHERE TicketId = new.Id AND new.Status IN {Open};
                END;
                """);
        }
    }
}
