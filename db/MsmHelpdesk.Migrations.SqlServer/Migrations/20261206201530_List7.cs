using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class List7 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The SQLite migration also adds a trigram index of the open tickets (decision 0176); SQL Server searches open
            // tickets through its full-text index (decision 0181), so only the widened status index is here.
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId", "SlaResolutionTargetMinutes", "SlaFirstResponseMet", "SlaResolutionMet", "SlaFirstRespondedAt", "SlaFirstResponseDueAt", "SlaFirstResponseAtRiskAt", "SlaResolutionDueAt", "SlaResolutionAtRiskAt", "SlaResolutionPausedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
