using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class List8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "ReportedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "ReportedAt" });
        }
    }
}
