using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class List1m : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ErrorCode",
                table: "Tickets",
                columns: new[] { "Status", "ErrorCode", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_Number",
                table: "Tickets",
                columns: new[] { "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_Priority",
                table: "Tickets",
                columns: new[] { "Status", "Priority", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ErrorCode",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_Priority",
                table: "Tickets");
        }
    }
}
