using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TicketSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite only: a trigram full-text index over number, error text and description, so a search
            // for a rare word answers from the index instead of reading every ticket. Triggers keep it
            // current; an edit adds a new row (the search re-checks candidates against the ticket itself).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE TicketSearch USING fts5(TicketId UNINDEXED, Content, tokenize = 'trigram', detail = 'none');");
            migrationBuilder.Sql("INSERT INTO TicketSearch (TicketId, Content) SELECT Id, Number || ' ' || ErrorText || ' ' || coalesce(Description, '') FROM Tickets;");
            migrationBuilder.Sql("""
                CREATE TRIGGER TicketSearch_AfterInsert AFTER INSERT ON Tickets BEGIN
                    INSERT INTO TicketSearch (TicketId, Content) VALUES (new.Id, new.Number || ' ' || new.ErrorText || ' ' || coalesce(new.Description, ''));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER TicketSearch_AfterUpdate AFTER UPDATE OF Number, ErrorText, Description ON Tickets BEGIN
                    INSERT INTO TicketSearch (TicketId, Content) VALUES (new.Id, new.Number || ' ' || new.ErrorText || ' ' || coalesce(new.Description, ''));
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TicketSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS TicketSearch;");
        }
    }
}
