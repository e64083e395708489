using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Diagnosis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedById",
                table: "Tickets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedCause",
                table: "Tickets",
                type: "varchar(30)",
                unicode: false,
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ConfirmedCauseConfidence",
                table: "Tickets",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedEvidence",
                table: "Tickets",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedScenario",
                table: "Tickets",
                type: "varchar(20)",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ConfirmedScenarioConfidence",
                table: "Tickets",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedVersion",
                table: "Tickets",
                type: "varchar(50)",
                unicode: false,
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuggestedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedCause",
                table: "Tickets",
                type: "varchar(30)",
                unicode: false,
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SuggestedCauseConfidence",
                table: "Tickets",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedEvidence",
                table: "Tickets",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedScenario",
                table: "Tickets",
                type: "varchar(20)",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SuggestedScenarioConfidence",
                table: "Tickets",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedVersion",
                table: "Tickets",
                type: "varchar(50)",
                unicode: false,
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Ticket_ConfirmedAt",
                table: "Tickets",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CatalogueVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "LearnedModels",
                columns: table => new
                {
                    Version = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExampleCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearnedModels", x => x.Version);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Ticket_ConfirmedAt",
                table: "Tickets",
                column: "Ticket_ConfirmedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueVersions");

            migrationBuilder.DropTable(
                name: "LearnedModels");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Ticket_ConfirmedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedById",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedCause",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedCauseConfidence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedEvidence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedScenario",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedScenarioConfidence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ConfirmedVersion",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedCause",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedCauseConfidence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedEvidence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedScenario",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedScenarioConfidence",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SuggestedVersion",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Ticket_ConfirmedAt",
                table: "Tickets");
        }
    }
}
