using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateCheckNotBefore",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckOutcome",
                table: "Clients",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckSubjectNpwp",
                table: "Clients",
                type: "TEXT",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CertificateCheckedAt",
                table: "Clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckedById",
                table: "Clients",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateCheckedByName",
                table: "Clients",
                type: "TEXT",
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
