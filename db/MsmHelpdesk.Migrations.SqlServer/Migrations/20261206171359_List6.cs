using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class List6 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeResolution",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId", "SlaResolutionTargetMinutes", "SlaFirstResponseMet", "SlaResolutionMet", "SlaFirstRespondedAt", "SlaFirstResponseDueAt", "SlaFirstResponseAtRiskAt", "SlaResolutionDueAt", "SlaResolutionAtRiskAt", "SlaResolutionPausedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeResolution",
                table: "Tickets",
                columns: new[] { "AssigneeId", "ResolutionSeconds", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "DiagnosisSeconds", "ReportedAt", "ErrorCode", "Channel", "AssigneeId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "ResolutionSeconds", "ReportedAt", "ErrorCode", "Channel", "AssigneeId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId" });
        }
    }
}
