using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Coretax : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CertificateReminders_ClientId_Credential_ExpiresOn_ThresholdDays",
                table: "CertificateReminders");

            migrationBuilder.AddColumn<bool>(
                name: "CoretaxAccountSignedIn",
                table: "Clients",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SignerCredentialId",
                table: "CertificateReminders",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Area = table.Column<string>(type: "varchar(30)", unicode: false, maxLength: 30, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClientSigners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StaffId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CoretaxRoles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientSigners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientSigners_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaxDeadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Filing = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Month = table.Column<int>(type: "int", nullable: true),
                    Day = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedByName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxDeadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignerCredentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Provider = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SignerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignerCredentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignerCredentials_ClientSigners_SignerId",
                        column: x => x.SignerId,
                        principalTable: "ClientSigners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "TaxDeadlines",
                columns: new[] { "Id", "Day", "Filing", "Month", "Name", "Source", "UpdatedAt", "UpdatedByName" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-0000-0000-000000001400"), 15, "Payment", null, "Setor PPh dan PPN KMS/jasa luar negeri (tanggal 15)", "PMK 81/2024 Pasal 94 dan 100 — https://news.ddtc.co.id/berita/nasional/1812070/wp-tak-perlu-bingung-jatuh-tempo-bayar-pajak-kini-sudah-diseragamkan", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "DOMAIN-2026" },
                    { new Guid("00000000-0000-0000-0000-000000001401"), 20, "InvoiceUpload", null, "Upload dan approval e-Faktur (tanggal 20)", "PER-11/PJ/2025 Pasal 44 (perlu dicek di teks PER) — https://mrbfinance.com/batas-waktu-upload-e-faktur-coretax-sesuai-per-11-pj-2025/", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "DOMAIN-2026" },
                    { new Guid("00000000-0000-0000-0000-000000001402"), 31, "SptMasaPpn", null, "Setor PPN dan lapor SPT Masa PPN (akhir bulan)", "Belum terkonfirmasi sumber; validasi dengan MSM", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "DOMAIN-2026" },
                    { new Guid("00000000-0000-0000-0000-000000001403"), 31, "SptTahunan", 3, "SPT Tahunan orang pribadi (31 Maret)", "Lewat Coretax sejak tahun pajak 2025 — https://news.ddtc.co.id/berita/nasional/1816265/buat-passphrase-kode-otorisasi-tapi-formatnya-tidak-valid-harus-apa", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "DOMAIN-2026" },
                    { new Guid("00000000-0000-0000-0000-000000001404"), 30, "SptTahunan", 4, "SPT Tahunan badan (30 April)", "Lewat Coretax sejak tahun pajak 2025 — https://news.ddtc.co.id/berita/nasional/1816265/buat-passphrase-kode-otorisasi-tapi-formatnya-tidak-valid-harus-apa", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "DOMAIN-2026" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateReminders_ClientId_Credential_SignerCredentialId_ExpiresOn_ThresholdDays",
                table: "CertificateReminders",
                columns: new[] { "ClientId", "Credential", "SignerCredentialId", "ExpiresOn", "ThresholdDays" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Area_SubjectId_At",
                table: "AuditEntries",
                columns: new[] { "Area", "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientSigners_ClientId",
                table: "ClientSigners",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_SignerCredentials_ExpiresOn",
                table: "SignerCredentials",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_SignerCredentials_SignerId",
                table: "SignerCredentials",
                column: "SignerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "SignerCredentials");

            migrationBuilder.DropTable(
                name: "TaxDeadlines");

            migrationBuilder.DropTable(
                name: "ClientSigners");

            migrationBuilder.DropIndex(
                name: "IX_CertificateReminders_ClientId_Credential_SignerCredentialId_ExpiresOn_ThresholdDays",
                table: "CertificateReminders");

            migrationBuilder.DropColumn(
                name: "CoretaxAccountSignedIn",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "SignerCredentialId",
                table: "CertificateReminders");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateReminders_ClientId_Credential_ExpiresOn_ThresholdDays",
                table: "CertificateReminders",
                columns: new[] { "ClientId", "Credential", "ExpiresOn", "ThresholdDays" },
                unique: true);
        }
    }
}
