using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Rep1m : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportTallies_Sums",
                table: "ReportTallies");

            migrationBuilder.AddColumn<int>(
                name: "Day",
                table: "ReportTallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTallies_Sums",
                table: "ReportTallies",
                columns: new[] { "Kind", "Day", "Month", "ErrorCode", "Channel", "AssigneeId", "Key", "Key2", "Number", "Tickets", "Open", "Confirmed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportTallies_Sums",
                table: "ReportTallies");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "ReportTallies");

            migrationBuilder.CreateIndex(
                name: "IX_ReportTallies_Sums",
                table: "ReportTallies",
                columns: new[] { "Kind", "Month", "ErrorCode", "Channel", "AssigneeId", "Key", "Key2", "Number", "Tickets", "Open", "Confirmed" });
        }
    }
}
