using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The totals are built from the tickets on the next start (DatabaseInitializer), as the flag is missing.
            migrationBuilder.Sql("""DELETE FROM [SystemFlags] WHERE [Key] LIKE N'report-tallies-built%';""");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ClientId_ReportedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ErrorCode_ReportedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Resolved",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaFirstRespondedAt_SlaFirstResponseMet",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaResolvedAt_SlaResolutionMet",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaFirstResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaResolutionDueAt",
                table: "Tickets");

            migrationBuilder.CreateTable(
                name: "ReportTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    ErrorCode = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    AssigneeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Key = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Key2 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Tickets = table.Column<int>(type: "int", nullable: false),
                    Open = table.Column<int>(type: "int", nullable: false),
                    Confirmed = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeReport",
                table: "Tickets",
                columns: new[] { "AssigneeId", "ReportedAt", "Status", "ErrorCode", "Channel", "ClientId", "DiagnosedScenario", "DiagnosedCause", "ResolutionSeconds", "DiagnosisSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "DiagnosisSeconds", "ReportedAt", "ErrorCode", "Channel", "AssigneeId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "ResolutionSeconds", "ReportedAt", "ErrorCode", "Channel", "AssigneeId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ClientId_ReportedAt",
                table: "Tickets",
                columns: new[] { "ClientId", "ReportedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ErrorCode_ReportedAt",
                table: "Tickets",
                columns: new[] { "ErrorCode", "ReportedAt", "Status", "Channel", "ClientId", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Resolved",
                table: "Tickets",
                columns: new[] { "ResolvedAt", "AssigneeId", "ResolutionSeconds", "ErrorCode", "Channel", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaFirstResponded",
                table: "Tickets",
                columns: new[] { "SlaFirstRespondedAt", "SlaFirstResponseMet", "AssigneeId", "ErrorCode", "Channel", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaFirstResponseDue",
                table: "Tickets",
                columns: new[] { "Status", "SlaFirstResponseDueAt", "SlaFirstRespondedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaResolutionDue",
                table: "Tickets",
                columns: new[] { "Status", "SlaResolutionDueAt", "AssigneeId", "ErrorCode", "Channel", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaResolved",
                table: "Tickets",
                columns: new[] { "SlaResolvedAt", "SlaResolutionMet", "AssigneeId", "ErrorCode", "Channel", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt", "AssigneeId", "ErrorCode", "Channel", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTallies_Sums",
                table: "ReportTallies",
                columns: new[] { "Kind", "Month", "ErrorCode", "Channel", "AssigneeId", "Key", "Key2", "Number", "Tickets", "Open", "Confirmed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM [SystemFlags] WHERE [Key] LIKE N'report-tallies-built%';""");

            migrationBuilder.DropTable(
                name: "ReportTallies");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeReport",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ClientId_ReportedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ErrorCode_ReportedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Resolved",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaFirstResponded",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaFirstResponseDue",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaResolutionDue",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaResolved",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "DiagnosisSeconds", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "ResolutionSeconds", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ClientId_ReportedAt",
                table: "Tickets",
                columns: new[] { "ClientId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ErrorCode_ReportedAt",
                table: "Tickets",
                columns: new[] { "ErrorCode", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Resolved",
                table: "Tickets",
                columns: new[] { "ResolvedAt", "AssigneeId", "ResolutionSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaFirstRespondedAt_SlaFirstResponseMet",
                table: "Tickets",
                columns: new[] { "SlaFirstRespondedAt", "SlaFirstResponseMet" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaResolvedAt_SlaResolutionMet",
                table: "Tickets",
                columns: new[] { "SlaResolvedAt", "SlaResolutionMet" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ReportedAt",
                table: "Tickets",
                columns: new[] { "Status", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaFirstResponseDueAt",
                table: "Tickets",
                columns: new[] { "Status", "SlaFirstResponseDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaResolutionDueAt",
                table: "Tickets",
                columns: new[] { "Status", "SlaResolutionDueAt" });
        }
    }
}
