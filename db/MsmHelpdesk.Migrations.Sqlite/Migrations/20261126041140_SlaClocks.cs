using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SlaClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DiagnosisBusinessMinutes",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DiagnosisMinutes",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstConfirmedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstConfirmedCause",
                table: "Tickets",
                type: "TEXT",
                unicode: false,
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaFirstRespondedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaFirstResponseAtRiskAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaFirstResponseDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SlaFirstResponseMet",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaFirstResponseTargetMinutes",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaFirstResponseUsedSeconds",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaResolutionAtRiskAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaResolutionDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SlaResolutionMet",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaResolutionPausedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaResolutionTargetMinutes",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaResolutionUsedSeconds",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaResolvedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaEscalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Clock = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaEscalations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Priority);
                });

            migrationBuilder.CreateTable(
                name: "SlaSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    WorkingDaysMask = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingHours", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstConfirmedAt",
                table: "Tickets",
                column: "FirstConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaFirstRespondedAt",
                table: "Tickets",
                column: "SlaFirstRespondedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaResolvedAt",
                table: "Tickets",
                column: "SlaResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaFirstResponseDueAt",
                table: "Tickets",
                columns: new[] { "Status", "SlaFirstResponseDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaResolutionDueAt",
                table: "Tickets",
                columns: new[] { "Status", "SlaResolutionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_Date",
                table: "Holidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaEscalations_TicketId_Clock_State",
                table: "SlaEscalations",
                columns: new[] { "TicketId", "Clock", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaSettingsChanges_At",
                table: "SlaSettingsChanges",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "SlaEscalations");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "SlaSettingsChanges");

            migrationBuilder.DropTable(
                name: "WorkingHours");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstConfirmedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaFirstRespondedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaFirstResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaResolutionDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DiagnosisBusinessMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DiagnosisMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstConfirmedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "FirstConfirmedCause",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFirstRespondedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFirstResponseAtRiskAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFirstResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFirstResponseMet",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFirstResponseTargetMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFirstResponseUsedSeconds",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionAtRiskAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionMet",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionPausedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionTargetMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolutionUsedSeconds",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolvedAt",
                table: "Tickets");
        }
    }
}
