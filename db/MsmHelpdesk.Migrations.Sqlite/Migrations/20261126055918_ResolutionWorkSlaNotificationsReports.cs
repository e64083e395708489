using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResolutionWorkSlaNotificationsReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedForNoReplyAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

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
                name: "CertificateReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Credential = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ThresholdDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Acted = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateReminders_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CertificateReminders_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "KppVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kpp = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Documents = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RescheduledFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemindedFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KppVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KppVisits_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KppVisits_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KppVisits_KppVisits_RescheduledFromId",
                        column: x => x.RescheduledFromId,
                        principalTable: "KppVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KppVisits_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MailState = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MailNextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MailSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MailLastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "TicketSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: true),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DoneById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketSteps_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketSteps_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaFirstRespondedAt_SlaFirstResponseMet",
                table: "Tickets",
                columns: new[] { "SlaFirstRespondedAt", "SlaFirstResponseMet" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaResolvedAt_SlaResolutionMet",
                table: "Tickets",
                columns: new[] { "SlaResolvedAt", "SlaResolutionMet" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaFirstResponseDueAt",
                table: "Tickets",
                columns: new[] { "Status", "SlaFirstResponseDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaResolutionDueAt",
                table: "Tickets",
                columns: new[] { "Status", "SlaResolutionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateReminders_ClientId_Credential_ExpiresOn_ThresholdDays",
                table: "CertificateReminders",
                columns: new[] { "ClientId", "Credential", "ExpiresOn", "ThresholdDays" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateReminders_TicketId",
                table: "CertificateReminders",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_Date",
                table: "Holidays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KppVisits_AssigneeId_Outcome_At",
                table: "KppVisits",
                columns: new[] { "AssigneeId", "Outcome", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_KppVisits_At_Outcome",
                table: "KppVisits",
                columns: new[] { "At", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_KppVisits_ClientId",
                table: "KppVisits",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_KppVisits_Outcome_At",
                table: "KppVisits",
                columns: new[] { "Outcome", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_KppVisits_RescheduledFromId",
                table: "KppVisits",
                column: "RescheduledFromId");

            migrationBuilder.CreateIndex(
                name: "IX_KppVisits_TicketId_At",
                table: "KppVisits",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MailState_MailNextAttemptAt",
                table: "Notifications",
                columns: new[] { "MailState", "MailNextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications",
                columns: new[] { "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaEscalations_TicketId_Clock_State",
                table: "SlaEscalations",
                columns: new[] { "TicketId", "Clock", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaSettingsChanges_At",
                table: "SlaSettingsChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_TicketSteps_AssigneeId",
                table: "TicketSteps",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketSteps_TicketId_Order",
                table: "TicketSteps",
                columns: new[] { "TicketId", "Order" });

            // Reports count the diagnosis and durations from stored columns: fill them for tickets logged before.
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"DiagnosedScenario\" = COALESCE(\"ConfirmedScenario\", \"SuggestedScenario\"), \"DiagnosedCause\" = COALESCE(\"ConfirmedCause\", \"SuggestedCause\");");
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"ResolutionSeconds\" = ((\"ResolvedAt\" >> 11) - (\"CreatedAt\" >> 11)) / 10000 WHERE \"ResolvedAt\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"DiagnosisSeconds\" = ((\"ConfirmedAt\" >> 11) - (\"CreatedAt\" >> 11)) / 10000 WHERE \"ConfirmedAt\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateReminders");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "KppVisits");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "SlaEscalations");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "SlaSettingsChanges");

            migrationBuilder.DropTable(
                name: "TicketSteps");

            migrationBuilder.DropTable(
                name: "WorkingHours");

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

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaFirstRespondedAt_SlaFirstResponseMet",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaResolvedAt_SlaResolutionMet",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaFirstResponseDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaResolutionDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ClosedForNoReplyAt",
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
