using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class List9 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing for SQL Server: the SQLite migration rebuilds the trigram index of the open tickets with positions
            // (decision 0190); SQL Server searches open tickets through its full-text index (decision 0181).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
