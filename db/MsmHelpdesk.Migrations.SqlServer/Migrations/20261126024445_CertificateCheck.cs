using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CertificateCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateCheckNotAfter",
                table: "Clients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateCheckNotBefore",
                table: "Clients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckOutcome",
                table: "Clients",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckSubjectNpwp",
                table: "Clients",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CertificateCheckedAt",
                table: "Clients",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckedById",
                table: "Clients",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckedByName",
                table: "Clients",
                type: "nvarchar(150)",
                maxLength: 150,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertificateCheckNotAfter",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CertificateCheckNotBefore",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CertificateCheckOutcome",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CertificateCheckSubjectNpwp",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CertificateCheckedAt",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CertificateCheckedById",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CertificateCheckedByName",
                table: "Clients");
        }
    }
}
