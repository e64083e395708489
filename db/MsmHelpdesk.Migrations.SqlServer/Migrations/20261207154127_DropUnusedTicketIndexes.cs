using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedTicketIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaFirstResponseDue",
                table: "Tickets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaFirstResponseDue",
                table: "Tickets",
                columns: new[] { "Status", "SlaFirstResponseDueAt", "SlaFirstRespondedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId" });
        }
    }
}
