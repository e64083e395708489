using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Features : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "IncidentId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Filters = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViews_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IncidentId_Status",
                table: "Tickets",
                columns: new[] { "IncidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MergedIntoId",
                table: "Tickets",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Status_ErrorCode",
                table: "Incidents",
                columns: new[] { "Status", "ErrorCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_OwnerId_Name",
                table: "SavedViews",
                columns: new[] { "OwnerId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_IncidentId_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IncidentId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Tickets");
        }
    }
}
