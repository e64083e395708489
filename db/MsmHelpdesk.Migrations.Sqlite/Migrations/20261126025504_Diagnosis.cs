using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Diagnosis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ConfirmedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedById",
                table: "Tickets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedCause",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ConfirmedCauseConfidence",
                table: "Tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedEvidence",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedScenario",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ConfirmedScenarioConfidence",
                table: "Tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedVersion",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuggestedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedCause",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SuggestedCauseConfidence",
                table: "Tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedEvidence",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedScenario",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SuggestedScenarioConfidence",
                table: "Tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedVersion",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Ticket_ConfirmedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CatalogueVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "LearnedModels",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    TrainedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExampleCount = table.Column<int>(type: "INTEGER", nullable: false)
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
