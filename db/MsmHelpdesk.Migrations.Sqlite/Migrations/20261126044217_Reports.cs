using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DiagnosedCause",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiagnosedScenario",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiagnosisSeconds",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionSeconds",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            // Existing tickets: the diagnosis reports count (confirmed, else suggested) and the stored durations.
            // SQLite keeps instants as EF's binary DateTimeOffset (ticks/1000 << 11 | offset; UTC here).
            // "ConfirmedAt" is the confirmed diagnosis's own time (Confirmed.At), set with Ticket.ConfirmedAt.
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"DiagnosedScenario\" = COALESCE(\"ConfirmedScenario\", \"SuggestedScenario\"), \"DiagnosedCause\" = COALESCE(\"ConfirmedCause\", \"SuggestedCause\");");
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"ResolutionSeconds\" = ((\"ResolvedAt\" >> 11) - (\"CreatedAt\" >> 11)) / 10000 WHERE \"ResolvedAt\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"DiagnosisSeconds\" = ((\"ConfirmedAt\" >> 11) - (\"CreatedAt\" >> 11)) / 10000 WHERE \"ConfirmedAt\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeResolution",
                table: "Tickets",
                columns: new[] { "AssigneeId", "ResolutionSeconds", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseDiagnosis",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "DiagnosisSeconds", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CauseResolution",
                table: "Tickets",
                columns: new[] { "DiagnosedCause", "ResolutionSeconds", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Report",
                table: "Tickets",
                columns: new[] { "ReportedAt", "Status", "ErrorCode", "Channel", "ClientId", "AssigneeId", "DiagnosedScenario", "DiagnosedCause", "ResolutionSeconds", "DiagnosisSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Resolved",
                table: "Tickets",
                columns: new[] { "ResolvedAt", "AssigneeId", "ResolutionSeconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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
                name: "IX_Tickets_Report",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Resolved",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DiagnosedCause",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DiagnosedScenario",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DiagnosisSeconds",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionSeconds",
                table: "Tickets");
        }
    }
}
