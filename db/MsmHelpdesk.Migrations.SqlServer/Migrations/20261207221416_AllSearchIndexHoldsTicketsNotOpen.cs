using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AllSearchIndexHoldsTicketsNotOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing for SQL Server: the SQLite migration narrows its whole-history trigram index to tickets that are not
            // open (decision 0214); SQL Server searches through its full-text index on the tickets (decision 0181).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
