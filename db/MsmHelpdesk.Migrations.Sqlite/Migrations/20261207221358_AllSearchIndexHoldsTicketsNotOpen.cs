using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AllSearchIndexHoldsTicketsNotOpen : Migration
    {
        // TicketWorkflow.Open as stored (the status's name), written out so this migration does not change with the code.
        private const string Open = "('New', 'Triaged', 'InProgress', 'WaitingOnClient', 'WaitingOnKpp')";

        private const string Content = "new.Number || ' ' || new.ErrorText || ' ' || coalesce(new.Description, '')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite only (decision 0214): the whole history's index (TicketSearchIndex) takes a ticket when it is not open
            // — created resolved or closed, or leaving the open statuses — and a closed ticket's new text; an open ticket is
            // in the open index (List7) alone, so a created ticket is written to one trigram index, not two. A search of
            // the whole history asks both. The entries of tickets open today stay: the index's entries were always a
            // superset to re-check (an edit adds an entry and leaves the old one), and a search reads them by id.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TicketSearch_AfterUpdate;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER TicketSearch_AfterInsert AFTER INSERT ON Tickets WHEN new.Status NOT IN {Open} BEGIN
                    INSERT INTO TicketSearch (TicketId, Content) VALUES (new.Id, {Content});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER TicketSearch_AfterUpdate AFTER UPDATE OF Status, Number, ErrorText, Description ON Tickets
                WHEN new.Status NOT IN {Open}
                    AND (old.Status IN {Open} OR old.Number IS NOT new.Number OR old.ErrorText IS NOT new.ErrorText OR old.Description IS NOT new.Description)
                BEGIN
                    INSERT INTO TicketSearch (TicketId, Content) VALUES (new.Id, {Content});
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to every ticket on creation and on every text edit; the open tickets created meanwhile are added.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TicketSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TicketSearch_AfterUpdate;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER TicketSearch_AfterInsert AFTER INSERT ON Tickets BEGIN
                    INSERT INTO TicketSearch (TicketId, Content) VALUES (new.Id, {Content});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER TicketSearch_AfterUpdate AFTER UPDATE OF Number, ErrorText, Description ON Tickets BEGIN
                    INSERT INTO TicketSearch (TicketId, Content) VALUES (new.Id, {Content});
                END;
                """);
            migrationBuilder.Sql(
                "INSERT INTO TicketSearch (TicketId, Content) SELECT Id, Number || ' ' || ErrorText || ' ' || coalesce(Description, '') "
                + "FROM Tickets WHERE Id NOT IN (SELECT TicketId FROM TicketSearch);");
        }
    }
}
